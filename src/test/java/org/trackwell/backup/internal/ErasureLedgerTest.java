package org.trackwell.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackwell.backup.BackupRefused;
import org.trackwell.keys.KeyDestroyed;
import org.trackwell.shared.TenantId;

class ErasureLedgerTest {

    @TempDir
    Path directory;

    private final TenantId tenant = new TenantId(UUID.randomUUID());

    @Test
    void readsBackEveryDestructionInOrder() throws Exception {
        ErasureLedger ledger = ledgerWithThree();
        assertThat(ledger.destructions())
                .extracting(KeyDestroyed::at)
                .containsExactly(Instant.ofEpochSecond(1), Instant.ofEpochSecond(2), Instant.ofEpochSecond(3));
        assertThat(ledger.destructions().get(2).clientKey()).isEmpty();
        SealedStore again = SealedStore.in(directory);
        assertThat(new ErasureLedger(again.store(), again.keys()).records()).isEqualTo(3);
    }

    @Test
    void keepsWhetherATenantsKeysWentBecauseItClosed() throws Exception {
        ErasureLedger ledger = ledgerWithThree();
        ledger.append(new KeyDestroyed(tenant, null, Instant.ofEpochSecond(4), true));
        assertThat(ledger.destructions())
                .extracting(KeyDestroyed::tenantClosed)
                .containsExactly(false, false, false, true);
    }

    @Test
    void noticesARemovedRecord() throws Exception {
        ErasureLedger ledger = ledgerWithThree();
        Files.delete(directory.resolve("store/erasures/000000000002"));
        assertThatThrownBy(ledger::destructions)
                .isInstanceOf(BackupRefused.class)
                .hasMessageContaining("lacks erasures/000000000002");
    }

    @Test
    void noticesARecordPutInAnothersPlace() throws Exception {
        ErasureLedger ledger = ledgerWithThree();
        Files.delete(directory.resolve("store/erasures/000000000003"));
        Files.move(directory.resolve("store/erasures/000000000002"), directory.resolve("store/erasures/000000000003"));
        Files.copy(directory.resolve("store/erasures/000000000001"), directory.resolve("store/erasures/000000000002"));
        assertThatThrownBy(ledger::destructions)
                .isInstanceOf(BackupRefused.class)
                .hasMessageContaining("erasures/000000000002 does not open");
    }

    @Test
    void refusesAnAlteredRecordByName() throws Exception {
        ErasureLedger ledger = ledgerWithThree();
        Path record = directory.resolve("store/erasures/000000000003");
        byte[] bytes = Files.readAllBytes(record);
        bytes[bytes.length / 2] ^= 1;
        Files.write(record, bytes);
        assertThatThrownBy(ledger::destructions)
                .isInstanceOf(BackupRefused.class)
                .hasMessageContaining("erasures/000000000003 does not open");
    }

    private ErasureLedger ledgerWithThree() throws Exception {
        SealedStore fixture = SealedStore.in(directory);
        ErasureLedger ledger = new ErasureLedger(fixture.store(), fixture.keys());
        ledger.append(new KeyDestroyed(tenant, UUID.randomUUID(), Instant.ofEpochSecond(1)));
        ledger.append(new KeyDestroyed(tenant, UUID.randomUUID(), Instant.ofEpochSecond(2)));
        ledger.append(new KeyDestroyed(tenant, null, Instant.ofEpochSecond(3)));
        return ledger;
    }
}
