package org.trackwell.identity;

public enum Role {
    TENANT_ADMIN,
    MANAGER,
    PRACTITIONER,
    CARER,
    AUDITOR
}
