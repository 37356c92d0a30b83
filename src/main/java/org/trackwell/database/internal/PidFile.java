package org.trackwell.database.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code postmaster.pid}: the process, data directory and port of the server that holds (or held)
 * a data directory. A server is this installation's only if its record names this directory.
 */
record PidFile(long pid, Path dataDirectory, int port) {

    static Optional<PidFile> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            return Optional.of(new PidFile(
                    Long.parseLong(lines.get(0).strip()),
                    Path.of(lines.get(1).strip()),
                    Integer.parseInt(lines.get(3).strip())));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Running and a PostgreSQL server: not a zombie awaiting its parent, nor another program with a reused id. */
    boolean serverRunning() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X' && stat.contains("(postgres)");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    boolean describes(Path directory) {
        try {
            return Files.isSameFile(dataDirectory, directory);
        } catch (IOException e) {
            return false;
        }
    }
}
