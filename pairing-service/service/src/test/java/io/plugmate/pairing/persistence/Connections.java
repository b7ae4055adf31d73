package io.plugmate.pairing.persistence;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;

/** Plain JDBC connections to the test database, for transactions a test interleaves with the service's own. */
final class Connections {

    private Connections() {
    }

    static Connection open() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("plugmate.test.postgres.jdbc-url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** Until another backend waits for a lock that {@code holder}'s open transaction holds. */
    static void awaitWaiterOn(Connection holder) throws SQLException {
        int pid = pid(holder);
        try (Connection watcher = open()) {
            await().atMost(60, TimeUnit.SECONDS).until(() -> waitsFor(watcher, pid));
        }
    }

    private static int pid(Connection connection) throws SQLException {
        try (ResultSet pid = connection.createStatement().executeQuery("select pg_backend_pid()")) {
            pid.next();
            return pid.getInt(1);
        }
    }

    /** Whether some backend is waiting for a lock the given one holds. */
    private static boolean waitsFor(Connection watcher, int holder) throws SQLException {
        try (PreparedStatement waiting = watcher.prepareStatement(
                "select count(*) from pg_stat_activity where ? = any(pg_blocking_pids(pid))")) {
            waiting.setInt(1, holder);
            try (ResultSet count = waiting.executeQuery()) {
                count.next();
                return count.getInt(1) > 0;
            }
        }
    }
}
