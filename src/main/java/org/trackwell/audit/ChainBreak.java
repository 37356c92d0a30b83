package org.trackwell.audit;

/** The first place a chain is not as it was sealed. */
public record ChainBreak(long seq, Kind kind, String detail) {

    public enum Kind {
        ALTERED,
        DELETED,
        INSERTED,
        REORDERED,
        OUT_OF_ORDER,
        BAD_SIGNATURE
    }
}
