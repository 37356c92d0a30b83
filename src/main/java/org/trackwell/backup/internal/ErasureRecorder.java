package org.trackwell.backup.internal;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.trackwell.backup.Backups;
import org.trackwell.keys.KeyDestroyed;

/**
 * Writes every key destruction into the erasure ledger inside the transaction that destroys the
 * key: no destruction without its record. A transaction-scoped advisory lock puts the records of
 * all processes on the database in one order.
 */
@Component
class ErasureRecorder {

    /** The ledger's lock: "erasure" in ASCII. */
    private static final long LEDGER_LOCK = 0x65726173757265L;

    private final Backups backups;
    private final JdbcClient jdbc;

    ErasureRecorder(Backups backups, JdbcClient jdbc) {
        this.backups = backups;
        this.jdbc = jdbc;
    }

    @EventListener
    void keyDestroyed(KeyDestroyed destroyed) {
        jdbc.sql("select pg_advisory_xact_lock(:lock)")
                .param("lock", LEDGER_LOCK)
                .query()
                .singleRow();
        backups.recordErasure(destroyed);
    }
}
