package org.trackwell.outcomes.internal;

/** Who filled in a measure: the practitioner with the client, or the client alone through a link. */
public enum CompletedBy {
    PRACTITIONER,
    CLIENT
}
