package org.trackwell.identity;

public enum Role {
    TENANT_ADMIN("Administrator"),
    MANAGER("Manager"),
    PRACTITIONER("Practitioner"),
    CARER("Carer"),
    AUDITOR("Auditor");

    private final String word;

    Role(String word) {
        this.word = word;
    }

    /** One person's role as the pages name it: "Manager". */
    public String word() {
        return word;
    }
}
