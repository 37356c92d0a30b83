package org.trackwell.monitoring;

/** The integrity checks, each named as operators read it (docs/monitoring.md says what to do). */
public enum Check {
    FILES("Installed files"),
    SCHEMA("Database schema"),
    AUDIT_TRAIL("Audit trail"),
    INDEXES("Database indexes"),
    DATA_CHECKSUMS("Data checksums"),
    BACKUPS("Backups"),
    CERTIFICATES("TLS certificates"),
    DISK_SPACE("Free disk space"),
    MAIL("Mail delivery");

    private final String title;

    Check(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
