package org.trackwell.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.trackwell.database.TenantTransactions;
import org.trackwell.keys.CannotOpen;
import org.trackwell.keys.EncryptedText;
import org.trackwell.keys.FieldAddress;
import org.trackwell.keys.FieldEncryption;
import org.trackwell.operator.OperatorCommandLine;
import org.trackwell.support.Fixtures;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

/**
 * With an external PostgreSQL, backed up by its own tools, a backup store set explicitly keeps the
 * erasure ledger; after such a database was restored from before an erasure, {@code backup
 * erasures --apply} destroys the key again.
 */
@TrackwellTest
class ExternalDatabaseErasureLedgerIT {

    private static final Path STORE = temporaryStore();

    @DynamicPropertySource
    static void ledgerStore(DynamicPropertyRegistry registry) {
        registry.add("trackwell.backup.directory", STORE::toString);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    FieldEncryption encryption;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    Tenants tenants;

    @Test
    void anErasureThatARestoreOfTheDatabaseUndidIsDoneAgainFromTheLedger() {
        Tenant tenant = tenants.create(Fixtures.uniqueSlug("ledger"), "Ledger Service");
        UUID client = UUID.randomUUID();
        FieldAddress note = FieldAddress.ofClient(tenant.id(), client, "session_note", "text", "n1");
        EncryptedText sealed = transactions.inTenant(tenant.id(), () -> encryption.seal(note, "About the client"));
        JdbcClient superuser = JdbcClient.create(TestPostgres.asSuperuser());
        byte[] wrapped = superuser
                .sql("select aead_keyset from client_data_key where client_id = :client")
                .param("client", client)
                .query(byte[].class)
                .single();

        transactions.inTenant(tenant.id(), () -> {
            encryption.destroyClientKey(tenant.id(), client);
            return null;
        });
        assertThat(STORE.resolve("erasures")).isNotEmptyDirectory();

        // What a restore of the database from before the erasure does to the key's row.
        superuser
                .sql("update client_data_key set aead_keyset = :wrapped, destroyed_at = null where client_id = :client")
                .param("wrapped", wrapped)
                .param("client", client)
                .update();
        assertThat(transactions.inTenant(tenant.id(), () -> encryption.open(note, sealed)))
                .as("the restored key opens the client's data again")
                .isEqualTo("About the client");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = OperatorCommandLine.execute(
                context, new PrintWriter(out, true), new PrintWriter(err, true), "backup", "erasures", "--apply");
        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("key destructions, checked").contains("Applied again: 1 of the keys");

        assertThatThrownBy(() -> transactions.inTenant(tenant.id(), () -> encryption.open(note, sealed)))
                .isInstanceOf(CannotOpen.class);
    }

    private static Path temporaryStore() {
        try {
            return Files.createTempDirectory("trackwell-ledger").resolve("store");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
