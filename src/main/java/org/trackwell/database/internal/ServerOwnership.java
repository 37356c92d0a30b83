package org.trackwell.database.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.trackwell.shared.StartRefused;

/**
 * The proof that the PostgreSQL on the installation's port is this installation's: nothing else
 * may answer there before it starts, and once it runs it must name this data directory to this
 * installation's superuser password.
 */
final class ServerOwnership {

    private ServerOwnership() {}

    static void refuseOtherProgramOn(int port, Path dataDirectory) {
        if (answers(port)) {
            throw new StartRefused(
                    "Port " + port + " on 127.0.0.1 is in use by another program, not this installation's database ("
                            + dataDirectory + ").",
                    "Set TRACKWELL_DATABASE_EMBEDDED_PORT to a free port, or stop the other program.");
        }
    }

    static void prove(DataSource superuser, int port, Path dataDirectory) {
        try (Connection connection = superuser.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select current_setting('data_directory')")) {
            row.next();
            if (Files.isSameFile(Path.of(row.getString(1)), dataDirectory)) {
                return;
            }
        } catch (SQLException | IOException e) {
            // refused below, whatever the reason
        }
        throw new StartRefused(
                "The PostgreSQL on port " + port + " is not this installation's database (" + dataDirectory + ").",
                "Set TRACKWELL_DATABASE_EMBEDDED_PORT to this installation's port or to a free one.");
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
