package org.trackwell.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.audit.AuditTrail;
import org.trackwell.database.TenantTransactions;
import org.trackwell.operator.OperatorCommandLine;
import org.trackwell.support.Fixtures;
import org.trackwell.support.TestData;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

@TrackwellTest
class MasterKeyRotationIT {

    private static final Path KEYSET = TestData.DIRECTORY.resolve("keys/master-keyset.json");

    @Autowired
    ApplicationContext context;

    @Autowired
    FieldEncryption encryption;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    Tenants tenants;

    private final JdbcClient superuser = JdbcClient.create(TestPostgres.asSuperuser());

    @Test
    void rotatingTheMasterKeyWrapsEveryTenantKeyAgainAndDestroysTheOldOne() throws Exception {
        Tenant tenant = tenants.create(Fixtures.uniqueSlug("rotate"), "Rotation Service");
        FieldAddress note = new FieldAddress(tenant.id(), "session_note", "text", "row-1");
        EncryptedText sealed = inTenant(tenant, () -> encryption.seal(note, "Slept better this week."));
        Aead oldMaster = master();
        long rotationsBefore = rotationsRecorded();

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = OperatorCommandLine.execute(
                context, new PrintWriter(out, true), new PrintWriter(err, true), "keys", "rotate", "--master");

        assertThat(exit).as(err.toString()).isEqualTo(0);
        assertThat(out.toString()).contains("Master key rotated");
        KeysetHandle now =
                TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(KEYSET), InsecureSecretKeyAccess.get());
        assertThat(now.size()).as("only the new key is left").isEqualTo(1);
        byte[] wrapped = superuser
                .sql("select aead_keyset from tenant_data_key where tenant_id = ?")
                .param(tenant.id().value())
                .query(byte[].class)
                .single();
        byte[] context = tenant.id().toString().getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, oldMaster, context))
                .as("the old master key no longer opens the tenant's keys")
                .isInstanceOf(GeneralSecurityException.class);
        Aead tenantKey = TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, master(), context)
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
        assertThat(tenantKey).isNotNull();
        assertThat(inTenant(tenant, () -> encryption.open(note, sealed))).isEqualTo("Slept better this week.");
        // Other tests in the same database rotate the master key too: this rotation is one more.
        assertThat(rotationsRecorded()).isEqualTo(rotationsBefore + 1);
    }

    private long rotationsRecorded() {
        return superuser
                .sql("select count(*) from audit_event where tenant_id = ? and action = 'keys.master-rotated'")
                .param(AuditTrail.OPERATOR_STREAM.value())
                .query(Long.class)
                .single();
    }

    private static Aead master() throws Exception {
        return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(KEYSET), InsecureSecretKeyAccess.get())
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    private <T> T inTenant(Tenant tenant, java.util.function.Supplier<T> work) {
        return transactions.inTenant(tenant.id(), work);
    }
}
