package org.trackwell.keys.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.MacConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.trackwell.shared.DataDirectory;

/**
 * The key-encryption key: a Tink AES-256-GCM keyset from the environment
 * ({@code TRACKWELL_KEYS_MASTER_KEYSET}, Tink's JSON format) or, by default, from
 * {@code ./data/keys/master-keyset.json} (mode 600, created at first start). It never touches the
 * database; it only wraps the tenants' data keys. A keyset file is read again whenever it changes,
 * so a rotation by the operator command reaches a running server before the old key is destroyed.
 */
@Component
public class MasterKey {

    private record Loaded(
            KeysetHandle keyset, Aead aead, @Nullable FileTime modified) {}

    private final @Nullable Path file;
    private volatile Loaded loaded;

    MasterKey(DataDirectory dataDirectory, @Value("${trackwell.keys.master-keyset:}") String fromEnvironment) {
        try {
            AeadConfig.register();
            MacConfig.register();
            if (fromEnvironment.isBlank()) {
                this.file = dataDirectory.privateDirectory("keys").resolve("master-keyset.json");
                createIfMissing(file);
                this.loaded = load(file);
            } else {
                this.file = null;
                KeysetHandle keyset =
                        TinkJsonProtoKeysetFormat.parseKeyset(fromEnvironment, InsecureSecretKeyAccess.get());
                this.loaded = new Loaded(keyset, keyset.getPrimitive(RegistryConfiguration.get(), Aead.class), null);
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the master key cannot be loaded", e);
        }
    }

    public Aead aead() {
        return current().aead();
    }

    /** Adds a new key and makes it primary; every new wrap uses it from now on. */
    public synchronized void addPrimary() throws GeneralSecurityException {
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(current().keyset());
        builder.addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                .withRandomId()
                .makePrimary());
        save(builder.build());
    }

    /** Destroys every key but the primary: nothing wrapped under them opens again. */
    public synchronized void destroyAllButPrimary() throws GeneralSecurityException {
        KeysetHandle keyset = current().keyset();
        KeysetHandle.Builder builder = KeysetHandle.newBuilder(keyset);
        for (int i = builder.size() - 1; i >= 0; i--) {
            if (!keyset.getAt(i).isPrimary()) {
                builder.deleteAt(i);
            }
        }
        save(builder.build());
    }

    private Loaded current() {
        Loaded now = loaded;
        if (file == null) {
            return now;
        }
        try {
            if (!Files.getLastModifiedTime(file).equals(now.modified())) {
                now = load(file);
                loaded = now;
            }
            return now;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the master keyset file cannot be read", e);
        }
    }

    private void save(KeysetHandle keyset) throws GeneralSecurityException {
        if (file == null) {
            throw new IllegalStateException("the master keyset comes from the environment: rotate it in the"
                    + " secret store (see docs/keys.md), not with this command");
        }
        try {
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.writeString(next, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
            Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-------"));
            Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            loaded = load(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Loaded load(Path file) throws GeneralSecurityException {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            KeysetHandle keyset =
                    TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
            return new Loaded(keyset, keyset.getPrimitive(RegistryConfiguration.get(), Aead.class), modified);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createIfMissing(Path file) throws GeneralSecurityException {
        try {
            if (!Files.exists(file)) {
                KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
                Files.writeString(
                        file, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
