package org.trackwell.outcomes;

public enum SessionMode {
    FACE_TO_FACE,
    TELEPHONE,
    VIDEO,
    EMAIL_OR_LINK
}
