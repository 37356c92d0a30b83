package org.trackwell.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.spec.SecretKeySpec;
import org.trackwell.identity.IdentityProperties;
import org.trackwell.shared.DataDirectory;

/**
 * The password pepper: key material of the installation, never in the database, so that a copy
 * of the database alone cannot test a single password guess.
 */
final class Pepper {

    private static final int BYTES = 32;

    private Pepper() {}

    static SecretKeySpec load(IdentityProperties properties, DataDirectory dataDirectory, SecureRandom random) {
        byte[] key = properties.pepper() != null
                ? Base64.getDecoder().decode(properties.pepper().strip())
                : fromFile(dataDirectory.privateDirectory("keys").resolve("password-pepper"), random);
        if (key.length < BYTES) {
            throw new IllegalStateException("the password pepper must be at least 32 bytes");
        }
        return new SecretKeySpec(key, "HmacSHA256");
    }

    private static byte[] fromFile(Path file, SecureRandom random) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            byte[] key = new byte[BYTES];
            random.nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
