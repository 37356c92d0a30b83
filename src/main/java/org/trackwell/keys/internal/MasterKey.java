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
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.trackwell.shared.DataDirectory;

/**
 * The key-encryption key: a Tink AES-256-GCM keyset from the environment
 * ({@code TRACKWELL_KEYS_MASTER_KEYSET}, Tink's JSON format) or, by default, from
 * {@code ./data/keys/master-keyset.json} (mode 600, created at first start). It never touches the
 * database; it only wraps the tenants' data keys.
 */
@Component
public class MasterKey {

    private final Aead aead;

    MasterKey(DataDirectory dataDirectory, @Value("${trackwell.keys.master-keyset:}") String fromEnvironment) {
        try {
            AeadConfig.register();
            MacConfig.register();
            KeysetHandle keyset = fromEnvironment.isBlank()
                    ? fromFile(dataDirectory.privateDirectory("keys").resolve("master-keyset.json"))
                    : TinkJsonProtoKeysetFormat.parseKeyset(fromEnvironment, InsecureSecretKeyAccess.get());
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the master key cannot be loaded", e);
        }
    }

    public Aead aead() {
        return aead;
    }

    private static KeysetHandle fromFile(Path file) throws GeneralSecurityException {
        try {
            if (Files.exists(file)) {
                return TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(file), InsecureSecretKeyAccess.get());
            }
            KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return keyset;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
