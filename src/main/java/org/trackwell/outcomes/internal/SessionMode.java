package org.trackwell.outcomes.internal;

public enum SessionMode {
    FACE_TO_FACE("Face to face"),
    TELEPHONE("Telephone"),
    VIDEO("Video"),
    EMAIL_OR_LINK("E-mail or link");

    private final String label;

    SessionMode(String label) {
        this.label = label;
    }

    /** In the users' words, for pages. */
    public String label() {
        return label;
    }
}
