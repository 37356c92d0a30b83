package org.trackwell.backup.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.streamingaead.StreamingAeadConfig;
import com.google.crypto.tink.util.SecretBytes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Locale;
import org.apache.commons.codec.binary.Base32;
import org.trackwell.backup.BackupRefused;

/**
 * The backup key (a Tink streaming-AEAD keyset) that seals every backup file, and the recovery key
 * that opens it. The service keeps the backup key in its keys directory to write backups; the
 * store keeps it only sealed under the recovery key, which is shown once at the first start and
 * kept by the operator off the machine. With the store and the recovery key alone, a blank machine
 * restores everything.
 */
final class BackupKeys {

    static final String KEYSET_IN_STORE = "recovery/backup-keyset.json";
    private static final String PREFIX = "TWRK";
    private static final byte[] KEYSET_CONTEXT = "trackwell backup keyset".getBytes(StandardCharsets.UTF_8);

    private final StreamingAead aead;
    private final String keysetForStore;

    private BackupKeys(StreamingAead aead, String keysetForStore) {
        this.aead = aead;
        this.keysetForStore = keysetForStore;
    }

    static {
        try {
            AeadConfig.register();
            StreamingAeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The installation's backup key; on first use it is made with a new recovery key, printed once. */
    static BackupKeys loadOrCreate(Path keys, SecureRandom random, PrintStream console) {
        Path keyset = keys.resolve("backup-keyset.json");
        Path sealed = keys.resolve("backup-keyset.recovery.json");
        try {
            if (!Files.exists(keyset)) {
                byte[] recovery = new byte[32];
                random.nextBytes(recovery);
                KeysetHandle handle = KeysetHandle.generateNew(PredefinedStreamingAeadParameters.AES256_GCM_HKDF_4KB);
                writePrivate(
                        sealed,
                        TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(
                                handle, recoveryAead(recovery), KEYSET_CONTEXT));
                writePrivate(keyset, TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get()));
                announce(console, recovery);
            }
            KeysetHandle handle =
                    TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(keyset), InsecureSecretKeyAccess.get());
            return new BackupKeys(
                    handle.getPrimitive(RegistryConfiguration.get(), StreamingAead.class), Files.readString(sealed));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the backup key cannot be loaded", e);
        }
    }

    /** The installation's own backup key, which must exist: for verifying its backups. */
    static BackupKeys installations(Path keys) {
        if (!Files.exists(keys.resolve("backup-keyset.json"))) {
            throw new BackupRefused("This installation has no backup key in " + keys + ".");
        }
        return loadOrCreate(keys, new SecureRandom(), System.out);
    }

    /** For a restore: the backup key from the store, opened with the recovery key the operator kept. */
    static BackupKeys fromStore(BackupStore store, String recoveryKey) {
        byte[] raw = parse(recoveryKey);
        try (InputStream in = store.open(KEYSET_IN_STORE)) {
            String sealed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            KeysetHandle handle =
                    TinkJsonProtoKeysetFormat.parseEncryptedKeyset(sealed, recoveryAead(raw), KEYSET_CONTEXT);
            return new BackupKeys(handle.getPrimitive(RegistryConfiguration.get(), StreamingAead.class), sealed);
        } catch (IOException e) {
            throw new BackupRefused("The backup store " + store.describe() + " has no " + KEYSET_IN_STORE
                    + ": it is not a Trackwell backup store, or it is incomplete.");
        } catch (GeneralSecurityException e) {
            throw new BackupRefused("The recovery key does not open this backup store (" + store.describe() + ").");
        }
    }

    Sealing sealing() {
        return new Sealing(aead);
    }

    /**
     * Puts the sealed backup key into the store if it is not there yet; refused when the store
     * holds another installation's key, whose backups this installation must neither mix with its
     * own nor overwrite.
     */
    void claim(BackupStore store) throws IOException {
        if (!store.exists(KEYSET_IN_STORE)) {
            try (OutputStream out = store.create(KEYSET_IN_STORE)) {
                out.write(keysetForStore.getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        try (InputStream in = store.open(KEYSET_IN_STORE)) {
            if (!new String(in.readAllBytes(), StandardCharsets.UTF_8).equals(keysetForStore)) {
                throw new BackupRefused("The backup store " + store.describe() + " belongs to another installation (or"
                        + " to this one before its data directory was made anew): its backup key is not this"
                        + " installation's, so nothing is written to it. Restore from it (backup restore), or set"
                        + " TRACKWELL_BACKUP_DIRECTORY to an empty directory.");
            }
        }
    }

    private static Aead recoveryAead(byte[] raw) throws GeneralSecurityException {
        AesGcmParameters parameters = AesGcmParameters.builder()
                .setKeySizeBytes(32)
                .setIvSizeBytes(12)
                .setTagSizeBytes(16)
                .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                .build();
        AesGcmKey key = AesGcmKey.builder()
                .setParameters(parameters)
                .setKeyBytes(SecretBytes.copyFrom(raw, InsecureSecretKeyAccess.get()))
                .build();
        return KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.importKey(key).withRandomId().makePrimary())
                .build()
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    /** {@code TWRK-} and 52 Base32 characters in groups of four: easy to copy out and type back in. */
    static String format(byte[] raw) {
        String base32 = new Base32().encodeToString(raw).replace("=", "");
        StringBuilder text = new StringBuilder(PREFIX);
        for (int i = 0; i < base32.length(); i += 4) {
            text.append('-').append(base32, i, Math.min(i + 4, base32.length()));
        }
        return text.toString();
    }

    static byte[] parse(String text) {
        String compact = text.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
        if (!compact.startsWith(PREFIX)) {
            throw new BackupRefused("That is not a Trackwell backup recovery key (it starts with " + PREFIX + "-).");
        }
        byte[] raw = new Base32().decode(compact.substring(PREFIX.length()));
        if (raw.length != 32) {
            throw new BackupRefused("That recovery key is incomplete: check it was copied whole.");
        }
        return raw;
    }

    private static void announce(PrintStream console, byte[] recovery) {
        console.println();
        console.println("=".repeat(78));
        console.println("Backup recovery key (shown only now):");
        console.println("  " + format(recovery));
        console.println("Keep it OFF this machine (a password manager or a safe). With the backup store and");
        console.println("this key, a new machine restores everything; without it, no backup can be opened.");
        console.println("=".repeat(78));
        console.println();
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content);
    }
}
