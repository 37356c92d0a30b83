package org.trackwell.database.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackwell.shared.DataDirectory;
import org.trackwell.shared.StartRefused;

/**
 * The embedded PostgreSQL of one installation, in {@code <data>/postgres}. Durable unless told
 * otherwise, reachable only with the passwords in {@code <data>/keys/database.properties}, and used
 * only once proven to run on this data directory. The process that runs it supervises it: a server
 * that dies is started again.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "trackwell";
    private static final String SUPERUSER = "postgres";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    /**
     * @param installation the data directory ({@code TRACKWELL_DATA_DIR})
     * @param durable false only for throwaway test databases: no fsync, no synchronous commit
     * @param binaries where the PostgreSQL programs are unpacked
     * @param mayAttach whether, while the service runs, this process may use the service's server
     *     (operator commands) instead of refusing to start
     * @param archiveTimeout with archiving, the longest a finished transaction waits before its WAL
     *     segment is archived; null for no archiving
     */
    public record Settings(
            Path installation,
            int port,
            boolean durable,
            Path binaries,
            boolean mayAttach,
            @Nullable Duration archiveTimeout) {}

    private final Settings settings;
    private final Path dataDirectory;
    private final DatabasePasswords passwords;
    private final @Nullable Postmaster postmaster;
    private final @Nullable InstallationLock lock;
    private final @Nullable PostmasterSupervisor supervisor;

    private EmbeddedPostgresServer(
            Settings settings,
            Path dataDirectory,
            DatabasePasswords passwords,
            @Nullable Postmaster postmaster,
            @Nullable InstallationLock lock) {
        this.settings = settings;
        this.dataDirectory = dataDirectory;
        this.passwords = passwords;
        this.postmaster = postmaster;
        this.lock = lock;
        this.supervisor =
                postmaster == null ? null : new PostmasterSupervisor(postmaster, dataDirectory, this::startAgain);
    }

    public static EmbeddedPostgresServer open(Settings settings, SecureRandom random) {
        Path installation = DataDirectory.openPrivate(settings.installation());
        Path dataDirectory = DataDirectory.createPrivateDirectory(installation.resolve("postgres"));
        Path keys = DataDirectory.createPrivateDirectory(installation.resolve("keys"));
        Optional<InstallationLock> lock = InstallationLock.tryTake(installation.resolve("trackwell.lock"));
        if (lock.isEmpty()) {
            if (!settings.mayAttach()) {
                throw new StartRefused(
                        "Trackwell is already running with the data directory " + installation + ".",
                        "Use the running service, stop it first, or give this one another TRACKWELL_DATA_DIR.");
            }
            return attach(settings, dataDirectory, keys);
        }
        try {
            return run(settings, dataDirectory, keys, lock.get(), random);
        } catch (RuntimeException e) {
            closeQuietly(lock.get());
            throw e;
        }
    }

    /** Refuses while a process holds the installation's lock (a running service or operator command). */
    public static void requireNoServiceOn(Path installation) {
        Path lockFile = installation.toAbsolutePath().normalize().resolve("trackwell.lock");
        if (!Files.exists(lockFile)) {
            return;
        }
        Optional<InstallationLock> lock = InstallationLock.tryTake(lockFile);
        if (lock.isEmpty()) {
            throw new StartRefused(
                    "Trackwell is running with the data directory " + installation + ".",
                    "Stop it before restoring into that directory.");
        }
        closeQuietly(lock.get());
    }

    private static EmbeddedPostgresServer run(
            Settings settings, Path dataDirectory, Path keys, InstallationLock lock, SecureRandom random) {
        Postmaster postmaster = new Postmaster(PostgresBinaries.unpackedUnder(settings.binaries()), dataDirectory);
        Path passwordFile = keys.resolve("database.properties");
        Optional<DatabasePasswords> stored = DatabasePasswords.load(passwordFile);
        DatabasePasswords passwords = stored.orElseGet(() -> DatabasePasswords.create(passwordFile, random));
        postmaster.pidFile().filter(PidFile::serverRunning).ifPresent(orphan -> {
            log.warn(
                    "PostgreSQL (process {}) was still running on {} after the Trackwell that started it ended;"
                            + " stopping it cleanly and starting it again.",
                    orphan.pid(),
                    dataDirectory);
            postmaster.stop();
        });
        ServerOwnership.refuseOtherProgramOn(settings.port(), dataDirectory);
        if (!postmaster.initialised()) {
            initialise(postmaster, keys, passwords);
        } else if (stored.isEmpty()) {
            log.warn(
                    "The database in {} was made before its roles had passwords; giving them passwords.",
                    dataDirectory);
            postmaster.setPasswordsOffline(java.util.Map.of(SUPERUSER, passwords.superuser()));
        }
        postmaster.writeAccessRules();
        if (settings.archiveTimeout() != null) {
            DataDirectory.createPrivateDirectory(installation(settings).resolve("wal-spool"));
        }
        postmaster.configureArchiving(
                settings.archiveTimeout() != null,
                settings.archiveTimeout() == null
                        ? 0
                        : settings.archiveTimeout().toSeconds());
        postmaster.start(settings.port(), settings.durable());
        EmbeddedPostgresServer server =
                new EmbeddedPostgresServer(settings, dataDirectory, passwords, postmaster, lock);
        server.proveItIsOurs();
        if (server.supervisor != null) {
            server.supervisor.start();
        }
        return server;
    }

    private static void initialise(Postmaster postmaster, Path keys, DatabasePasswords passwords) {
        Path file = keys.resolve("initdb-superuser-password");
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, passwords.superuser());
            postmaster.initialise(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("Could not remove {}", file);
            }
        }
    }

    /** Operator commands while the service runs: its server, once it proves to be this directory's. */
    private static EmbeddedPostgresServer attach(Settings settings, Path dataDirectory, Path keys) {
        boolean running = PidFile.read(dataDirectory.resolve("postmaster.pid"))
                .filter(PidFile::serverRunning)
                .filter(pid -> pid.describes(dataDirectory) && pid.port() == settings.port())
                .isPresent();
        DatabasePasswords passwords = DatabasePasswords.load(keys.resolve("database.properties"))
                .filter(stored -> running)
                .orElseThrow(() -> new StartRefused(
                        "The Trackwell service running with " + settings.installation() + " has no database up on port "
                                + settings.port() + " right now.",
                        "Try again once its /health answers, or stop the service and run the command alone."));
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(settings, dataDirectory, passwords, null, null);
        server.proveItIsOurs();
        return server;
    }

    /** The server on our port must say it serves our data directory, to our superuser password. */
    private void proveItIsOurs() {
        ServerOwnership.prove(superuser(), settings.port(), dataDirectory);
    }

    private void startAgain() {
        Postmaster running = Objects.requireNonNull(postmaster, "only a server this process started is supervised");
        ServerOwnership.refuseOtherProgramOn(settings.port(), dataDirectory);
        running.start(settings.port(), settings.durable());
        proveItIsOurs();
    }

    private static Path installation(Settings settings) {
        return settings.installation().toAbsolutePath().normalize();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Where the PostgreSQL programs are unpacked, for restoring a copy with the same version. */
    public Path binaries() {
        return settings.binaries();
    }

    /** Where finished WAL segments wait to be shipped, when archiving is on. */
    public Path walSpool() {
        return installation(settings).resolve("wal-spool");
    }

    public boolean archiving() {
        return settings.archiveTimeout() != null;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + settings.port() + "/" + database;
    }

    public DatabasePasswords passwords() {
        return passwords;
    }

    /** How many times this process started its server again after it stopped unexpectedly. */
    public int restarts() {
        return supervisor == null ? 0 : supervisor.restarts();
    }

    public boolean durable() {
        return settings.durable();
    }

    public DataSource superuser() {
        return superuser("postgres");
    }

    public DataSource superuser(String database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl(database));
        dataSource.setUser(SUPERUSER);
        dataSource.setPassword(passwords.superuser());
        dataSource.setConnectTimeout(5);
        return dataSource;
    }

    @Override
    public void close() {
        if (supervisor != null) {
            supervisor.close();
        }
        if (postmaster != null) {
            try {
                postmaster.stop();
            } catch (RuntimeException e) {
                log.warn("The embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
        if (lock != null) {
            closeQuietly(lock);
        }
    }

    private static void closeQuietly(InstallationLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            log.warn("Could not release the installation lock: {}", e.getMessage());
        }
    }
}
