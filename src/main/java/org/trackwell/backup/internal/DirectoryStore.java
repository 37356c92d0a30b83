package org.trackwell.backup.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.trackwell.shared.DataDirectory;

/**
 * A backup store in a directory: a second disk or a network mount. Files are written beside their
 * name, flushed to disk and renamed, so a crash leaves either the whole file or none.
 */
final class DirectoryStore implements BackupStore {

    private final Path root;

    DirectoryStore(Path root) {
        this.root = DataDirectory.createPrivateDirectory(root.toAbsolutePath().normalize());
    }

    @Override
    public OutputStream create(String name) throws IOException {
        Path target = resolve(name);
        Files.createDirectories(target.getParent());
        // Unique, so that two processes shipping the same segment never write into one file.
        Path partial = target.resolveSibling(target.getFileName() + "." + java.util.UUID.randomUUID() + ".partial");
        FileChannel channel = FileChannel.open(
                partial, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        return new FilterOutputStream(Channels.newOutputStream(channel)) {
            private boolean closed;

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                channel.force(true);
                super.close();
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        };
    }

    @Override
    public InputStream open(String name) throws IOException {
        return Files.newInputStream(resolve(name));
    }

    @Override
    public boolean exists(String name) {
        return Files.exists(resolve(name));
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        Path directory = Objects.requireNonNull(resolve(prefix).getParent(), "a name in the store has a parent");
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> root.relativize(file).toString())
                    .filter(name -> name.startsWith(prefix) && !name.endsWith(".partial"))
                    .sorted()
                    .toList();
        }
    }

    @Override
    public long size(String name) throws IOException {
        return Files.size(resolve(name));
    }

    @Override
    public void delete(String name) throws IOException {
        Files.deleteIfExists(resolve(name));
    }

    @Override
    public String describe() {
        return root.toString();
    }

    private Path resolve(String name) {
        Path path = root.resolve(name).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("not a backup file name: " + name);
        }
        return path;
    }
}
