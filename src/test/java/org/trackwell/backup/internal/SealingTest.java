package org.trackwell.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackwell.backup.BackupRefused;

class SealingTest {

    @TempDir
    Path directory;

    @Test
    void opensWhatItSealedAndRefusesItAlteredOrRenamed() throws Exception {
        SealedStore fixture = SealedStore.in(directory);
        BackupStore store = fixture.store();
        Sealing sealing = fixture.sealing();
        byte[] content = new byte[3 * 1024 * 1024];
        new SecureRandom().nextBytes(content);
        sealing.seal(new ByteArrayInputStream(content), store, "wal/000000010000000000000001");

        try (InputStream in = sealing.open(store, "wal/000000010000000000000001")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }

        Path file = directory.resolve("store/wal/000000010000000000000001");
        Files.copy(file, directory.resolve("store/wal/000000010000000000000002"));
        assertThatThrownBy(() -> read(sealing, store, "wal/000000010000000000000002"))
                .isInstanceOf(BackupRefused.class)
                .hasMessageContaining("wal/000000010000000000000002 does not open");

        byte[] sealed = Files.readAllBytes(file);
        sealed[sealed.length / 2] ^= 1;
        Files.write(file, sealed);
        assertThatThrownBy(() -> read(sealing, store, "wal/000000010000000000000001"))
                .isInstanceOf(BackupRefused.class)
                .hasMessageContaining("wal/000000010000000000000001 does not open");
    }

    @Test
    void aRecoveryKeyIsReadBackAsItWasPrinted() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        String printed = BackupKeys.format(raw);
        assertThat(printed).startsWith("TWRK-");
        assertThat(BackupKeys.parse(" " + printed.toLowerCase() + "\n")).isEqualTo(raw);
        assertThatThrownBy(() -> BackupKeys.parse("TWRK-ABCD")).isInstanceOf(BackupRefused.class);
    }

    @Test
    void walSegmentsFollowOneAnother() {
        assertThat(Restore.next("000000010000000000000009")).isEqualTo("00000001000000000000000A");
        assertThat(Restore.next("0000000100000000000000FF")).isEqualTo("000000010000000100000000");
    }

    private static byte[] read(Sealing sealing, BackupStore store, String name) throws Exception {
        try (InputStream in = sealing.open(store, name)) {
            return in.readAllBytes();
        }
    }
}
