package org.trackwell.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.trackwell.database.TenantTransactions;
import org.trackwell.support.Fixtures;
import org.trackwell.support.TestPostgres;
import org.trackwell.support.TrackwellTest;
import org.trackwell.tenancy.Tenant;
import org.trackwell.tenancy.Tenants;

@TrackwellTest
class FieldEncryptionIT {

    @Autowired
    FieldEncryption encryption;

    @Autowired
    TenantTransactions transactions;

    @Autowired
    Tenants tenants;

    Tenant tenant;
    Tenant other;

    @BeforeEach
    void tenants() {
        tenant = tenants.create(Fixtures.uniqueSlug("keys"), "Keys Service");
        other = tenants.create(Fixtures.uniqueSlug("otherkeys"), "Other Keys Service");
    }

    @Test
    void sealsAFieldThatOpensOnlyAtItsOwnAddress() {
        FieldAddress note = new FieldAddress(tenant.id(), "session_note", "text", "row-1");
        EncryptedText sealed = inTenant(tenant, () -> encryption.seal(note, "Client reported sleeping better."));
        assertThat(new String(sealed.ciphertext(), StandardCharsets.UTF_8)).doesNotContain("sleeping");
        assertThat(inTenant(tenant, () -> encryption.open(note, sealed))).isEqualTo("Client reported sleeping better.");

        for (FieldAddress elsewhere : new FieldAddress[] {
            new FieldAddress(tenant.id(), "session_note", "text", "row-2"),
            new FieldAddress(tenant.id(), "session_note", "summary", "row-1"),
            new FieldAddress(tenant.id(), "goal", "text", "row-1")
        }) {
            assertThatThrownBy(() -> inTenant(tenant, () -> encryption.open(elsewhere, sealed)))
                    .isInstanceOf(CannotOpen.class);
        }
    }

    @Test
    void aCiphertextCopiedToAnotherTenantDoesNotOpen() {
        EncryptedText sealed = inTenant(
                tenant,
                () -> encryption.seal(new FieldAddress(tenant.id(), "client", "name", "row-1"), "Alex Example"));
        assertThatThrownBy(() -> inTenant(
                        other, () -> encryption.open(new FieldAddress(other.id(), "client", "name", "row-1"), sealed)))
                .isInstanceOf(CannotOpen.class);
    }

    @Test
    void anAlteredCiphertextDoesNotOpen() {
        FieldAddress address = new FieldAddress(tenant.id(), "client", "name", "row-1");
        byte[] bytes =
                inTenant(tenant, () -> encryption.seal(address, "Alex Example")).ciphertext();
        bytes[bytes.length - 1] ^= 1;
        assertThatThrownBy(() -> inTenant(tenant, () -> encryption.open(address, new EncryptedText(bytes))))
                .isInstanceOf(CannotOpen.class);
    }

    @Test
    void refusesToSealForATenantOtherThanTheCurrentOne() {
        assertThatThrownBy(() -> inTenant(
                        tenant, () -> encryption.seal(new FieldAddress(other.id(), "client", "name", "row-1"), "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void destroyingAClientsKeyErasesEverythingSealedForThemAndNothingElse() {
        java.util.UUID alex = java.util.UUID.randomUUID();
        java.util.UUID sam = java.util.UUID.randomUUID();
        FieldAddress alexNote = FieldAddress.ofClient(tenant.id(), alex, "session_note", "text", "n1");
        FieldAddress samNote = FieldAddress.ofClient(tenant.id(), sam, "session_note", "text", "n2");
        EncryptedText alexSealed = inTenant(tenant, () -> encryption.seal(alexNote, "Alex's note"));
        EncryptedText samSealed = inTenant(tenant, () -> encryption.seal(samNote, "Sam's note"));
        assertThatThrownBy(() -> inTenant(
                        tenant,
                        () -> encryption.open(
                                FieldAddress.ofClient(tenant.id(), sam, "session_note", "text", "n1"), alexSealed)))
                .as("moved to another client")
                .isInstanceOf(CannotOpen.class);

        inTenant(tenant, () -> {
            encryption.destroyClientKey(tenant.id(), alex);
            return null;
        });

        assertThatThrownBy(() -> inTenant(tenant, () -> encryption.open(alexNote, alexSealed)))
                .isInstanceOf(CannotOpen.class);
        assertThatThrownBy(() -> inTenant(tenant, () -> encryption.seal(alexNote, "more about Alex")))
                .isInstanceOf(CannotOpen.class);
        assertThat(inTenant(tenant, () -> encryption.open(samNote, samSealed))).isEqualTo("Sam's note");
        assertThat(JdbcClient.create(TestPostgres.asSuperuser())
                        .sql("select aead_keyset is null and destroyed_at is not null from client_data_key"
                                + " where client_id = :c")
                        .param("c", alex)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void blindIndexesMatchWithinATenantAndFieldOnly() {
        String here = inTenant(tenant, () -> encryption.blindIndex(tenant.id(), "nhs_number", "9434765919"));
        String again = inTenant(tenant, () -> encryption.blindIndex(tenant.id(), "nhs_number", "9434765919"));
        String otherField = inTenant(tenant, () -> encryption.blindIndex(tenant.id(), "email", "9434765919"));
        String otherTenant = inTenant(other, () -> encryption.blindIndex(other.id(), "nhs_number", "9434765919"));
        assertThat(here).isEqualTo(again).matches("[0-9a-f]{64,}").doesNotContain("9434765919");
        assertThat(otherField).isNotEqualTo(here);
        assertThat(otherTenant).isNotEqualTo(here);
    }

    @Test
    void theDatabaseHoldsTenantKeysOnlyWrappedByAMasterKeyItDoesNotHave() throws Exception {
        inTenant(tenant, () -> encryption.seal(new FieldAddress(tenant.id(), "t", "c", "r"), "x"));
        byte[] wrapped = JdbcClient.create(TestPostgres.asSuperuser())
                .sql("select aead_keyset from tenant_data_key where tenant_id = :t")
                .param("t", tenant.id().value())
                .query((row, n) -> row.getBytes(1))
                .single();
        var someOtherMaster = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)
                .getPrimitive(RegistryConfiguration.get(), com.google.crypto.tink.Aead.class);
        assertThatThrownBy(() -> TinkProtoKeysetFormat.parseEncryptedKeyset(
                        wrapped, someOtherMaster, tenant.id().toString().getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(java.security.GeneralSecurityException.class);
    }

    @Test
    void destroyingATenantsKeysMakesEverythingSealedForItUnreadable() {
        FieldAddress tenantField = new FieldAddress(tenant.id(), "webhook", "secret", "row-1");
        FieldAddress clientField = FieldAddress.ofClient(tenant.id(), UUID.randomUUID(), "client_note", "text", "n-1");
        EncryptedText tenantSecret = inTenant(tenant, () -> encryption.seal(tenantField, "hook secret"));
        EncryptedText note = inTenant(tenant, () -> encryption.seal(clientField, "Client note."));
        FieldAddress elsewhere = new FieldAddress(other.id(), "webhook", "secret", "row-1");
        EncryptedText otherSecret = inTenant(other, () -> encryption.seal(elsewhere, "other hook"));

        inTenant(tenant, () -> {
            encryption.destroyTenantKeys(tenant.id());
            return null;
        });

        assertThatThrownBy(() -> inTenant(tenant, () -> encryption.open(tenantField, tenantSecret)))
                .isInstanceOf(CannotOpen.class);
        assertThatThrownBy(() -> inTenant(tenant, () -> encryption.open(clientField, note)))
                .isInstanceOf(CannotOpen.class);
        assertThatThrownBy(() -> inTenant(tenant, () -> encryption.seal(tenantField, "new")))
                .isInstanceOf(CannotOpen.class);
        assertThat(inTenant(other, () -> encryption.open(elsewhere, otherSecret)))
                .isEqualTo("other hook");
    }

    private <T> T inTenant(Tenant tenant, java.util.function.Supplier<T> work) {
        return transactions.inTenant(tenant.id(), work);
    }
}
