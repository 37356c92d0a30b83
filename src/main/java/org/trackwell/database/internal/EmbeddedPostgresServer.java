package org.trackwell.database.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The embedded PostgreSQL under the data directory. When a server already answers on the port (the
 * running Trackwell, seen from the operator command line), it is used instead of starting another.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String DATABASE = "trackwell";
    private static final String SUPERUSER = "postgres";

    private final @Nullable EmbeddedPostgres started;
    private final int port;

    private EmbeddedPostgresServer(@Nullable EmbeddedPostgres started, int port) {
        this.started = started;
        this.port = port;
    }

    public static EmbeddedPostgresServer startOrAttach(Path dataDirectory, int port) {
        if (port != 0 && answers(port)) {
            return new EmbeddedPostgresServer(null, port);
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200");
            if (port != 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            return new EmbeddedPostgresServer(postgres, postgres.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public DataSource superuser() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl("postgres"));
        dataSource.setUser(SUPERUSER);
        return dataSource;
    }

    @Override
    public void close() throws IOException {
        if (started != null) {
            started.close();
        }
    }
}
