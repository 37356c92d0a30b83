package org.trackwell.shared;

/**
 * Trackwell will not start as configured, for a reason the operator can fix: the message says what
 * is wrong and what to change, and is printed as it stands, without a stack trace.
 */
public class StartRefused extends RuntimeException {

    private final String action;

    public StartRefused(String problem, String action) {
        super(problem);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
