package org.trackwell.backup.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/** A directory store and a new backup key under a test's temporary directory. */
record SealedStore(BackupStore store, BackupKeys keys) {

    Sealing sealing() {
        return keys.sealing();
    }

    static SealedStore in(Path directory) throws IOException {
        return new SealedStore(
                new DirectoryStore(directory.resolve("store")),
                BackupKeys.loadOrCreate(
                        Files.createDirectories(directory.resolve("keys")),
                        new SecureRandom(),
                        new PrintStream(PrintStream.nullOutputStream())));
    }
}
