package org.trackwell.outcomes.internal;

/** What happened to a session; none yet while it is only planned. */
public enum Attendance {
    ATTENDED("Attended"),
    DID_NOT_ATTEND("Did not attend"),
    CANCELLED_BY_CLIENT("Cancelled by the client"),
    CANCELLED_BY_SERVICE("Cancelled by the service");

    private final String label;

    Attendance(String label) {
        this.label = label;
    }

    /** In the users' words, for pages. */
    public String label() {
        return label;
    }
}
