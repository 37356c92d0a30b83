package org.trackwell.identity;

public enum AccountStatus {
    /** Invited; no password chosen yet. */
    INVITED,
    ACTIVE,
    DISABLED
}
