package io.plugmate.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.plugmate.localinfra.ParentDeathWatchdog;

/**
 * One service's built Quarkus app in its own JVM, started the way it runs in production (full JIT, the JDK 25 AOT cache
 * when the build made one, heap sized like the container's), timed from the moment it was forked. Unlike the test
 * infrastructure's launcher it keeps the pid (CPU and memory are read from /proc) and the JVM options are the
 * benchmark's.
 */
final class ServiceProcess implements AutoCloseable {

    private static final java.util.regex.Pattern ENVIRONMENT = java.util.regex.Pattern.compile("[A-Z][A-Z0-9_]*=.*");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final ParentDeathWatchdog watchdog;
    private final String url;
    private final Path app;
    private final long forkedAt;
    private final String aotCache;

    private ServiceProcess(String name, Process process, String url, Path app, long forkedAt, String aotCache) {
        this.name = name;
        this.app = app;
        this.process = process;
        this.watchdog = ParentDeathWatchdog.guardJvm(process.pid());
        this.url = url;
        this.forkedAt = forkedAt;
        this.aotCache = aotCache;
    }

    /**
     * @param app the module's {@code target/quarkus-app} folder
     * @param jvmOptions the JVM's options; a {@code NAME=value} among them goes into its environment instead
     */
    static ServiceProcess start(String name, Path app, Map<String, String> properties, List<String> jvmOptions,
            Path logDir) {
        Path jar = app.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " is not built at " + jar + ": build it first, or run without"
                    + " --no-build");
        }
        int port = freePort();
        String url = "http://127.0.0.1:" + port;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        // NAME=value among the options is the JVM's environment (MALLOC_ARENA_MAX=2), the rest are its options
        Map<String, String> environment = new java.util.TreeMap<>();
        for (String option : jvmOptions) {
            if (ENVIRONMENT.matcher(option).matches()) {
                environment.put(option.substring(0, option.indexOf('=')), option.substring(option.indexOf('=') + 1));
            } else {
                command.add(option);
            }
        }
        // the build's cache unless the options name one (-XX:AOTCache=app-boot.aot), train one or turn it off
        String aot = aotCache(command, app);
        if (aot.equals("app.aot") && command.stream().noneMatch(option -> option.startsWith("-XX:AOTCache="))) {
            command.add("-XX:AOTCache=app.aot");
        }
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value.replace("${url}", url)));
        command.addAll(List.of("-jar", "quarkus-run.jar"));
        try {
            Files.createDirectories(logDir);
            long forkedAt = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(command).directory(app.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(name + ".log").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            return new ServiceProcess(name, process, url, app, forkedAt, aot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    String url() {
        return url;
    }

    long pid() {
        return process.pid();
    }

    /** The AOT cache file the JVM runs with ("no" without one, "training" while it writes one). */
    String aotCache() {
        return aotCache;
    }

    private static String aotCache(List<String> options, Path app) {
        for (String option : options.reversed()) {
            if (option.startsWith("-XX:AOTCacheOutput=") || option.equals("-XX:AOTMode=record")) {
                return "training";
            }
            if (option.equals("-XX:AOTMode=off")) {
                return "no";
            }
            if (option.startsWith("-XX:AOTCache=")) {
                return option.substring("-XX:AOTCache=".length());
            }
        }
        return Files.isRegularFile(app.resolve("app.aot")) ? "app.aot" : "no";
    }

    /** Time since the JVM was forked. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - forkedAt);
    }

    /**
     * Polls {@code path} every 20 ms until it answers {@code status}; returns the time since the fork. With
     * {@code /q/health/live} and any status this is "time to first request"; with {@code /q/health/ready} and 200 the
     * service also has its database, Kafka and the replayed toggles.
     */
    Duration awaitAnswer(String path, int status, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see its log");
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + path))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (status == 0 || response.statusCode() == status) {
                    return Duration.ofNanos(System.nanoTime() - forkedAt);
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(20);
        }
        throw new IllegalStateException(name + " did not answer " + path + " within " + timeout);
    }

    /** The Prometheus text of {@code /q/metrics}, or an empty string when it does not answer. */
    String metrics() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + "/q/metrics")).timeout(Duration.ofSeconds(10))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** SIGKILL: the JVM gets no chance to commit offsets, leave its group, finish a transaction or drain its outbox. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        watchdog.close();
    }

    /** SIGTERM (Quarkus drains its outbox), SIGKILL after 20 s. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    /**
     * SIGTERM, SIGKILL after {@code grace}; returns how long the JVM took to exit (a JVM training an AOT cache writes it
     * on the way out, which takes longer than the 20 s of {@link #close()}), or null when it had to be killed.
     */
    Duration stop(Duration grace) {
        long signalled = System.nanoTime();
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return Duration.ofNanos(System.nanoTime() - signalled);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return null;
        } finally {
            watchdog.close();
        }
    }

    Path app() {
        return app;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
