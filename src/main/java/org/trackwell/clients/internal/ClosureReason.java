package org.trackwell.clients.internal;

public enum ClosureReason {
    COMPLETED("Completed"),
    DROPPED_OUT("Dropped out"),
    REFERRED_ON("Referred on"),
    DECLINED("Declined"),
    OTHER("Other");

    private final String label;

    ClosureReason(String label) {
        this.label = label;
    }

    /** In the users' words, for pages. */
    public String label() {
        return label;
    }
}
