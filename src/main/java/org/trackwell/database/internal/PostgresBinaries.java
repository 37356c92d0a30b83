package org.trackwell.database.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.trackwell.shared.DirectoryTrees;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server programs ({@code initdb}, {@code pg_ctl}, {@code postgres}) shipped inside the
 * jar as zonky's binaries artifact, unpacked once into a directory of the installation's own. Unlike
 * a shared temporary directory, nobody else can swap them before they run.
 */
final class PostgresBinaries {

    private static final String ARCHIVE = "/postgres-linux-x86_64.txz";

    private PostgresBinaries() {}

    /** The unpacked installation's {@code bin} directory, unpacking it on first use. */
    static Path unpackedUnder(Path directory) {
        try {
            byte[] archive = readArchive();
            Path target = directory.resolve(shortDigest(archive));
            if (!Files.isDirectory(target)) {
                unpack(archive, directory, target);
            }
            return target.resolve("bin");
        } catch (IOException e) {
            throw new UncheckedIOException("could not unpack the embedded PostgreSQL into " + directory, e);
        }
    }

    private static byte[] readArchive() throws IOException {
        try (InputStream in = PostgresBinaries.class.getResourceAsStream(ARCHIVE)) {
            if (in == null) {
                throw new IOException("the PostgreSQL binaries are missing from the class path");
            }
            return in.readAllBytes();
        }
    }

    private static String shortDigest(byte[] archive) {
        try (DigestInputStream in = new DigestInputStream(
                new java.io.ByteArrayInputStream(archive), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return "pg-" + HexFormat.of().formatHex(in.getMessageDigest().digest(), 0, 8);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Unpacks beside the target and renames, so a half-unpacked tree is never taken for a whole one. */
    private static void unpack(byte[] archive, Path directory, Path target) throws IOException {
        Files.createDirectories(directory);
        Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        Path partial = Files.createTempDirectory(directory, "unpacking-");
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new XZInputStream(new java.io.ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = partial.resolve(entry.getName()).normalize();
                if (!path.startsWith(partial)) {
                    throw new IOException("unexpected entry in the PostgreSQL archive: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(
                            path,
                            PosixFilePermissions.fromString((entry.getMode() & 0100) != 0 ? "rwx------" : "rw-------"));
                }
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            DirectoryTrees.deleteQuietly(partial);
            if (!Files.isDirectory(target.resolve("bin"))) {
                throw e;
            }
        }
    }
}
