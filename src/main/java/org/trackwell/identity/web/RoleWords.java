package org.trackwell.identity.web;

import org.trackwell.identity.Role;

/** Roles as the pages name them. */
final class RoleWords {

    private RoleWords() {}

    /** One person's role: "Manager". */
    static String one(Role role) {
        return switch (role) {
            case TENANT_ADMIN -> "Administrator";
            case MANAGER -> "Manager";
            case PRACTITIONER -> "Practitioner";
            case CARER -> "Carer";
            case AUDITOR -> "Auditor";
        };
    }

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
