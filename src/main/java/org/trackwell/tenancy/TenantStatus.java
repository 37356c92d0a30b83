package org.trackwell.tenancy;

public enum TenantStatus {
    ACTIVE,
    /** A notice period before closing: people sign in, read and take their data away, and change nothing. */
    READ_ONLY,
    SUSPENDED
}
