package org.trackwell.backup.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.trackwell.audit.CheckpointExport;
import org.trackwell.backup.BackupProperties;
import org.trackwell.backup.BackupRefused;
import org.trackwell.backup.BackupStatus;
import org.trackwell.backup.Backups;
import org.trackwell.backup.BaseBackupSummary;
import org.trackwell.backup.RestoreCheck;
import org.trackwell.database.EmbeddedCluster;
import org.trackwell.keys.KeyDestroyed;
import org.trackwell.shared.DataDirectory;

@Configuration(proxyBeanMethods = false)
class BackupConfiguration {

    /** Physical backups of the embedded server; an external PostgreSQL is backed up with its own tools. */
    @Bean
    Backups backups(
            @Nullable EmbeddedCluster cluster,
            BackupProperties properties,
            DataDirectory dataDirectory,
            SecureRandom random,
            CheckpointExport checkpoints,
            Clock clock) {
        if (cluster == null || !cluster.archiving()) {
            return new NoBackups(ledgerOnly(properties, dataDirectory, random));
        }
        return new PhysicalBackups(cluster, properties, dataDirectory, random, checkpoints.directory(), clock);
    }

    /**
     * With an external PostgreSQL (backed up by its own tools), a store set explicitly keeps the
     * erasure ledger alone, sealed under a backup key of its own like a full store.
     */
    private static @Nullable ErasureLedger ledgerOnly(
            BackupProperties properties, DataDirectory dataDirectory, SecureRandom random) {
        if (properties.directory() == null && properties.s3() == null) {
            return null;
        }
        BackupStore store = BackupStores.open(PhysicalBackups.storeLocation(properties, dataDirectory));
        BackupKeys keys = BackupKeys.loadOrCreate(dataDirectory.privateDirectory("keys"), random, System.out);
        return new ErasureLedger(store, keys);
    }

    private static final class NoBackups implements Backups {

        private final @Nullable ErasureLedger ledger;

        NoBackups(@Nullable ErasureLedger ledger) {
            this.ledger = ledger;
        }

        private static BackupRefused refused() {
            return new BackupRefused("Trackwell backs up only its embedded database with WAL archiving on; back up an"
                    + " external PostgreSQL with pgBackRest (docs/operations.md).");
        }

        @Override
        public String takeBaseBackup() {
            throw refused();
        }

        @Override
        public int shipArchivedWal() {
            return 0;
        }

        @Override
        public List<BaseBackupSummary> list() {
            return List.of();
        }

        @Override
        public List<String> walSegments() {
            return List.of();
        }

        @Override
        public String storeLocation() {
            return ledger != null ? ledger.where() : "none";
        }

        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public void recordErasure(KeyDestroyed destroyed) {
            if (ledger != null) {
                ledger.append(destroyed);
            }
        }

        @Override
        public List<KeyDestroyed> erasures() {
            if (ledger == null) {
                throw new BackupRefused("No erasure ledger is kept: with an external PostgreSQL, set"
                        + " TRACKWELL_BACKUP_DIRECTORY or TRACKWELL_BACKUP_S3_BUCKET (docs/operations.md).");
            }
            return ledger.destructions();
        }

        @Override
        public Optional<RestoreCheck> checkRestore() {
            throw refused();
        }

        @Override
        public BackupStatus status() {
            return new BackupStatus(
                    false, "none", Optional.empty(), 0, Optional.empty(), Optional.empty(), Optional.empty());
        }
    }
}
