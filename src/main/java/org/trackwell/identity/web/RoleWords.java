package org.trackwell.identity.web;

import org.trackwell.identity.Role;

/** Roles as the pages name them. */
final class RoleWords {

    private RoleWords() {}

    /** Everyone with the role: "Managers". */
    static String of(Role role) {
        return switch (role) {
            case TENANT_ADMIN -> "Administrators";
            case MANAGER -> "Managers";
            case PRACTITIONER -> "Practitioners";
            case CARER -> "Carers";
            case AUDITOR -> "Auditors";
        };
    }
}
