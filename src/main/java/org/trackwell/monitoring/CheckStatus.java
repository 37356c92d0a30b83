package org.trackwell.monitoring;

/** What a check found: nothing wrong, something an operator must look at, or it could not run here. */
public enum CheckStatus {
    OK("ok"),
    FINDING("FINDING"),
    NOT_AVAILABLE("not available");

    private final String words;

    CheckStatus(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
