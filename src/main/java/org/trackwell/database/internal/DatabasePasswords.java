package org.trackwell.database.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;

/**
 * The generated passwords of the embedded server's roles, kept in a file that only Trackwell's
 * account can read (mode 600, in the keys directory), never in configuration or code.
 */
public record DatabasePasswords(String superuser, String owner, String runtime) {

    static Optional<DatabasePasswords> load(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties stored = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            stored.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(new DatabasePasswords(
                required(stored, "superuser", file),
                required(stored, "owner", file),
                required(stored, "runtime", file)));
    }

    static DatabasePasswords create(Path file, SecureRandom random) {
        DatabasePasswords passwords = new DatabasePasswords(generate(random), generate(random), generate(random));
        Properties stored = new Properties();
        stored.setProperty("superuser", passwords.superuser());
        stored.setProperty("owner", passwords.owner());
        stored.setProperty("runtime", passwords.runtime());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(file)) {
                stored.store(out, "Passwords of the embedded PostgreSQL's roles. Keep this file private.");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return passwords;
    }

    private static String required(Properties stored, String name, Path file) {
        String value = stored.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(file + " has no password for " + name);
        }
        return value;
    }

    /** 256 bits, URL-safe Base64: nothing in it needs quoting in SQL or a connection string. */
    private static String generate(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "DatabasePasswords[***]";
    }
}
