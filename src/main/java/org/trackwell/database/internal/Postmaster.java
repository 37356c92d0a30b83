package org.trackwell.database.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL server programs run on one data directory: {@code initdb}, {@code pg_ctl} and
 * single-user {@code postgres}. PostgreSQL refuses to run as root, so as root each program runs in
 * a user namespace of its own ({@code unshare -U}), where it is nobody to itself and the files it
 * makes still belong to root outside.
 */
final class Postmaster {

    private static final Duration START_WAIT = Duration.ofSeconds(120);

    private final Path bin;
    private final Path dataDirectory;

    Postmaster(Path bin, Path dataDirectory) {
        this.bin = bin;
        this.dataDirectory = dataDirectory;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    boolean initialised() {
        return Files.exists(dataDirectory.resolve("PG_VERSION"));
    }

    /** A new cluster with data checksums, whose superuser has the password in the given file. */
    void initialise(Path superuserPasswordFile) {
        run(
                List.of(
                        "initdb",
                        "-D",
                        dataDirectory.toString(),
                        "-U",
                        "postgres",
                        "--pwfile=" + superuserPasswordFile,
                        "-A",
                        "scram-sha-256",
                        "-E",
                        "UTF-8",
                        "--locale=C",
                        "--data-checksums"),
                Duration.ofMinutes(2));
    }

    /**
     * Sets role passwords with the server stopped, through single-user mode: the only way in to a
     * cluster made before its roles had passwords, without ever trusting a network login.
     */
    void setPasswordsOffline(Map<String, String> passwordsByRole) {
        StringBuilder sql = new StringBuilder();
        passwordsByRole.forEach(
                (role, password) -> sql.append("do $$ begin if exists (select from pg_roles where rolname = '")
                        .append(role)
                        .append("') then execute 'alter role ")
                        .append(role)
                        .append(" password ''")
                        .append(password)
                        .append("'''; end if; end $$;\n"));
        run(
                List.of("postgres", "--single", "-D", dataDirectory.toString(), "postgres"),
                Duration.ofMinutes(2),
                sql.toString());
    }

    void writeAccessRules() {
        String rules = """
                # Written by Trackwell at every start (docs/operations.md): every login needs its password.
                local   all           all                        scram-sha-256
                host    all           all         127.0.0.1/32   scram-sha-256
                local   replication   postgres                   scram-sha-256
                host    replication   postgres    127.0.0.1/32   scram-sha-256
                """;
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), rules, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Archiving, in a file the main configuration includes (the command needs quoting that the
     * server's command line cannot carry): each finished WAL segment is copied, flushed and renamed
     * into the spool beside the data directory, where the backup module seals and ships it. A
     * segment already in the spool with the same content counts as archived, so a retry after a
     * crash cannot block archiving for good.
     */
    void configureArchiving(boolean on, long timeoutSeconds) {
        String settings = on ? """
                  archive_mode = on
                  archive_command = '(test -f ../wal-spool/%f && cmp -s %p ../wal-spool/%f) || (cp %p ../wal-spool/%f.part && sync ../wal-spool/%f.part && mv ../wal-spool/%f.part ../wal-spool/%f)'
                  archive_timeout = """ + timeoutSeconds + "\n" : "archive_mode = off\n";
        try {
            Files.writeString(
                    dataDirectory.resolve("trackwell-archive.conf"),
                    "# Written by Trackwell at every start.\n" + settings);
            Path main = dataDirectory.resolve("postgresql.conf");
            String include = "include_if_exists = 'trackwell-archive.conf'";
            if (!Files.readString(main).contains(include)) {
                Files.writeString(main, "\n" + include + "\n", java.nio.file.StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void start(int port, boolean durable) {
        String durability = durable ? "on" : "off";
        List<String> options = List.of(
                "-p " + port,
                "-c listen_addresses=127.0.0.1",
                // Relative to the data directory (mode 700): short enough for any path, reachable only by us.
                "-c unix_socket_directories=.",
                "-c unix_socket_permissions=0700",
                "-c fsync=" + durability,
                "-c synchronous_commit=" + durability,
                "-c full_page_writes=" + durability,
                "-c wal_level=replica",
                "-c max_connections=200",
                "-c password_encryption=scram-sha-256",
                "-c logging_collector=on",
                "-c log_directory=log",
                "-c log_filename=postgresql-%a.log",
                "-c log_truncate_on_rotation=on",
                "-c log_rotation_age=1d");
        run(
                List.of(
                        "pg_ctl",
                        "-D",
                        dataDirectory.toString(),
                        "-l",
                        dataDirectory.resolve("startup.log").toString(),
                        "-w",
                        "-t",
                        Long.toString(START_WAIT.toSeconds()),
                        "-o",
                        String.join(" ", options),
                        "start"),
                START_WAIT.plusSeconds(10));
    }

    void stop() {
        run(
                List.of("pg_ctl", "-D", dataDirectory.toString(), "-m", "fast", "-w", "-t", "60", "stop"),
                Duration.ofSeconds(70));
    }

    /** The server's own record of itself, while one runs (or ran and died) on this directory. */
    Optional<PidFile> pidFile() {
        return PidFile.read(dataDirectory.resolve("postmaster.pid"));
    }

    private void run(List<String> command, Duration timeout) {
        run(command, timeout, null);
    }

    private void run(List<String> command, Duration timeout, @Nullable String input) {
        List<String> full = new ArrayList<>();
        if (runningAsRoot()) {
            full.addAll(List.of("unshare", "-U"));
        }
        full.add(bin.resolve(command.getFirst()).toString());
        full.addAll(command.subList(1, command.size()));
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
            if (input != null) {
                process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new PostgresCommandFailed(
                        command.getFirst() + " did not finish within " + timeout.toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                throw new PostgresCommandFailed(command.getFirst() + " failed (exit " + process.exitValue() + "): "
                        + new String(output, StandardCharsets.UTF_8).strip());
            }
        } catch (IOException e) {
            throw new PostgresCommandFailed(command.getFirst() + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PostgresCommandFailed(command.getFirst() + " was interrupted");
        }
    }

    static boolean runningAsRoot() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).intValue() == 0;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /** A failure of one of the server programs; its message is PostgreSQL's own, which holds no secret. */
    static final class PostgresCommandFailed extends RuntimeException {
        PostgresCommandFailed(String message) {
            super(message);
        }
    }
}
