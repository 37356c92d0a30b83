package org.trackwell.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.trackwell.backup.BackupRefused;

/** Directories to and from tar streams, as files of a running server are: some change or vanish as they are read. */
final class Tar {

    private Tar() {}

    /**
     * Writes the files under root that the filter includes, then the extras that {@code after}
     * gives once they are written; returns the bytes of file content.
     */
    static long write(Path root, Predicate<String> include, OutputStream out, ExtrasAfter after) throws IOException {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(path -> !path.equals(root)).toList();
        }
        long bytes = 0;
        for (Path path : paths) {
            String name = root.relativize(path).toString();
            if (!include.test(name)) {
                continue;
            }
            if (Files.isDirectory(path)) {
                TarArchiveEntry entry = new TarArchiveEntry(name + "/");
                entry.setMode(0700);
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            } else if (Files.isRegularFile(path)) {
                bytes += addFile(tar, path, name);
            }
        }
        for (Extra extra : after.extras()) {
            TarArchiveEntry entry = new TarArchiveEntry(extra.name());
            byte[] content = extra.content().getBytes(StandardCharsets.UTF_8);
            entry.setSize(content.length);
            entry.setMode(0600);
            tar.putArchiveEntry(entry);
            tar.write(content);
            tar.closeArchiveEntry();
        }
        tar.finish();
        return bytes;
    }

    interface ExtrasAfter {
        List<Extra> extras() throws IOException;
    }

    /** A file written into the archive from memory, such as PostgreSQL's backup label. */
    record Extra(String name, String content) {}

    /** Copies exactly the size seen when the file was opened: a server file that grows meanwhile is replayed from WAL. */
    private static long addFile(TarArchiveOutputStream tar, Path path, String name) throws IOException {
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException vanished) {
            return 0;
        }
        try (channel) {
            long size = channel.size();
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(size);
            entry.setMode(0600);
            tar.putArchiveEntry(entry);
            InputStream in = Channels.newInputStream(channel);
            long copied = in.transferTo(new Bounded(tar, size));
            for (long i = copied; i < size; i++) {
                tar.write(0);
            }
            tar.closeArchiveEntry();
            return size;
        }
    }

    static void extract(InputStream in, Path target, String source) throws IOException {
        TarArchiveInputStream tar = new TarArchiveInputStream(in);
        TarArchiveEntry entry;
        while ((entry = tar.getNextEntry()) != null) {
            Path path = target.resolve(entry.getName()).normalize();
            if (!path.startsWith(target)) {
                throw new BackupRefused(
                        "The backup file " + source + " holds a path outside its directory: " + entry.getName());
            }
            if (entry.isDirectory()) {
                Files.createDirectories(
                        path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(path.getParent());
                Files.copy(tar, path);
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            }
        }
    }

    /** Passes on at most {@code limit} bytes and drops the rest. */
    private static final class Bounded extends OutputStream {

        private final OutputStream out;
        private long left;

        Bounded(OutputStream out, long limit) {
            this.out = out;
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            if (left > 0) {
                out.write(b);
                left--;
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            int n = (int) Math.min(length, left);
            if (n > 0) {
                out.write(bytes, offset, n);
                left -= n;
            }
        }
    }
}
