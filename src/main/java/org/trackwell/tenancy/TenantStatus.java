package org.trackwell.tenancy;

public enum TenantStatus {
    ACTIVE,
    SUSPENDED
}
