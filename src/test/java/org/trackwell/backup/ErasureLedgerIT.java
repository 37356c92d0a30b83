package org.trackwell.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.trackwell.TrackwellApplication;
import org.trackwell.database.EmbeddedCluster;
import org.trackwell.database.TenantTransactions;
import org.trackwell.keys.CannotOpen;
import org.trackwell.keys.EncryptedText;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.support.Fixtures;
import org.trackwell.support.ServiceProcess;
import org.trackwell.support.TestPostgres;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/**
 * Erasure stays erased: a client's key destroyed after a base backup is destroyed again when that
 * backup is restored to a moment before the destruction, from the erasure ledger in the store,
 * before anything opens the restored database; the other clients' data opens as before.
 */
class ErasureLedgerIT {

    @Test
    void aKeyDestroyedAfterABackupIsDestroyedAgainInItsRestore() throws Exception {
        Path root = Files.createTempDirectory("trackwell-erasure");
        Path data = root.resolve("data");
        Path store = root.resolve("store");
        UUID erased = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        Tenant tenant;
        FieldAddress erasedNote;
        FieldAddress keptNote;
        EncryptedText erasedSealed;
        EncryptedText keptSealed;
        Instant beforeErasure;
        try (ConfigurableApplicationContext app = start(data, "trackwell.backup.directory=" + store)) {
            FieldEncryption encryption = app.getBean(FieldEncryption.class);
            TenantTransactions transactions = app.getBean(TenantTransactions.class);
            Backups backups = app.getBean(Backups.class);
            tenant = app.getBean(Tenants.class).create(Fixtures.uniqueSlug("erasure"), "Erasure Service");
            erasedNote = FieldAddress.ofClient(tenant.id(), erased, "session_note", "text", "n1");
            keptNote = FieldAddress.ofClient(tenant.id(), kept, "session_note", "text", "n2");
            erasedSealed =
                    transactions.inTenant(tenant.id(), () -> encryption.seal(erasedNote, "About the erased client"));
            keptSealed = transactions.inTenant(tenant.id(), () -> encryption.seal(keptNote, "About the kept client"));
            backups.takeBaseBackup();

            ServiceProcess.pause(Duration.ofMillis(300));
            beforeErasure = Instant.now();
            ServiceProcess.pause(Duration.ofMillis(300));
            transactions.inTenant(tenant.id(), () -> {
                encryption.destroyClientKey(tenant.id(), erased);
                return null;
            });
            assertThat(store.resolve("erasures/000000000001")).exists();
            archiveNow(app.getBean(EmbeddedCluster.class), backups, store);
        }

        RestoreResult restored = Restores.restore(new RestoreRequest(
                new StoreLocation.Directory(store),
                null,
                data.resolve("keys"),
                beforeErasure,
                root.resolve("restored"),
                false,
                TestPostgres.freePort(),
                TestPostgres.BINARIES));
        assertThat(restored.erasuresInLedger()).isEqualTo(1);
        assertThat(restored.keysDestroyedAgain())
                .as("the restore to before the erasure brought the key back, and the ledger destroyed it")
                .isEqualTo(1);

        try (ConfigurableApplicationContext app =
                start(root.resolve("restored"), "trackwell.database.archive-wal=false")) {
            FieldEncryption encryption = app.getBean(FieldEncryption.class);
            TenantTransactions transactions = app.getBean(TenantTransactions.class);
            assertThat(transactions.inTenant(tenant.id(), () -> encryption.open(keptNote, keptSealed)))
                    .isEqualTo("About the kept client");
            assertThatThrownBy(
                            () -> transactions.inTenant(tenant.id(), () -> encryption.open(erasedNote, erasedSealed)))
                    .isInstanceOf(CannotOpen.class);
        }
    }

    private static ConfigurableApplicationContext start(Path data, String... settings) {
        return new SpringApplicationBuilder(TrackwellApplication.class)
                .web(WebApplicationType.NONE)
                .properties(
                        "trackwell.data-dir=" + data,
                        "trackwell.database.embedded-port=" + TestPostgres.freePort(),
                        "trackwell.database.embedded-binaries=" + TestPostgres.BINARIES,
                        "trackwell.operator.first-start=false",
                        "trackwell.backup.ship-every=1s",
                        "spring.main.banner-mode=off")
                .properties(settings)
                .run();
    }

    /** Closes the current WAL segment and waits until it is sealed into the store. */
    private static void archiveNow(EmbeddedCluster cluster, Backups backups, Path store) throws Exception {
        String segment;
        try (Connection connection = cluster.superuser().getConnection();
                Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("select pg_walfile_name(pg_switch_wal())")) {
            row.next();
            segment = row.getString(1);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.exists(store.resolve("wal/" + segment))) {
            assertThat(System.nanoTime())
                    .as("WAL segment " + segment + " archived")
                    .isLessThan(deadline);
            backups.shipArchivedWal();
            ServiceProcess.pause(Duration.ofMillis(200));
        }
    }
}
