package org.trackwell.tenancy;

public enum TenantStatus {
    ACTIVE,
    /** A notice period before closing: people sign in, read and take their data away, and change nothing. */
    READ_ONLY,
    SUSPENDED,
    /** Closed for good: its keys destroyed and its rows removed; its address says it has closed. */
    CLOSED
}
