package org.trackwell.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackwell.backup.BaseBackupSummary;

class RetentionTest {

    @TempDir
    Path directory;

    @Test
    void removesExpiredBaseBackupsAndTheWalOnlyTheyNeededButNeverTheNewest() throws Exception {
        SealedStore fixture = SealedStore.in(directory);
        BackupStore store = fixture.store();
        Sealing sealing = fixture.sealing();
        base(store, sealing, "old", "2026-01-01T02:00:00Z", "000000010000000000000002");
        base(store, sealing, "kept", "2026-02-20T02:00:00Z", "000000010000000000000005");
        for (String segment : new String[] {
            "000000010000000000000002",
            "000000010000000000000004",
            "000000010000000000000005",
            "000000020000000000000006",
            "00000002.history"
        }) {
            sealing.seal(new ByteArrayInputStream(new byte[] {1}), store, "wal/" + segment);
        }

        StoredBackups.prune(store, sealing, Instant.parse("2026-02-01T00:00:00Z"));

        assertThat(StoredBackups.listIn(store, sealing))
                .extracting(BaseBackupSummary::id)
                .containsExactly("kept");
        assertThat(store.list("wal/"))
                .containsExactly(
                        "wal/000000010000000000000005", "wal/00000002.history", "wal/000000020000000000000006");

        StoredBackups.prune(store, sealing, Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(StoredBackups.listIn(store, sealing))
                .extracting(BaseBackupSummary::id)
                .containsExactly("kept");
    }

    private static void base(BackupStore store, Sealing sealing, String id, String finished, String firstWal)
            throws Exception {
        Instant at = Instant.parse(finished);
        sealing.seal(
                Manifest.write(new BaseBackupSummary(id, at, at, 1, firstWal, 0)),
                store,
                Manifest.file(id, Manifest.MANIFEST));
    }
}
