package org.trackwell.outcomes;

/** Who filled in a measure: the practitioner with the client, or the client alone through a link. */
public enum CompletedBy {
    PRACTITIONER,
    CLIENT
}
