package io.plugmate.testinfra;

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

import io.plugmate.localinfra.ParentDeathWatchdog;

/**
 * One built Quarkus app (fast-jar) in its own JVM on a free local port, its output in a log file under target/, guarded
 * by a watchdog so that a killed test JVM leaves nothing running.
 */
public final class ServiceJar implements AutoCloseable {

    private final String name;
    private final Process process;
    private final ParentDeathWatchdog watchdog;
    private final String url;
    private final int port;

    private ServiceJar(String name, Process process, ParentDeathWatchdog watchdog, String url, int port) {
        this.name = name;
        this.process = process;
        this.watchdog = watchdog;
        this.url = url;
        this.port = port;
    }

    /** Starts the jar on a free port; {@link #awaitReady} waits for it. */
    public static ServiceJar start(String name, Path jar, Map<String, String> properties) {
        return start(name, jar, freePort(), properties);
    }

    /** Starts the jar on this port, e.g. again where a killed instance ran (its URL is registered elsewhere). */
    public static ServiceJar start(String name, Path jar, int port, Map<String, String> properties) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + " not built at " + jar.toAbsolutePath()
                    + ": build it first (./mvnw -pl " + name + " package -DskipTests)");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx320m", "-XX:TieredStopAtLevel=1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1"));
        String url = "http://127.0.0.1:" + port;
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value.replace("${url}", url)));
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        try {
            Path log = InfraLogs.file(name + ".log");
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new ServiceJar(name, process, ParentDeathWatchdog.guardJvm(process.pid()), url, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return url;
    }

    public int port() {
        return port;
    }

    /** The JVM's process id, for fault tests that kill or stop it. */
    public long pid() {
        return process.pid();
    }

    /** Until {@code /q/health/ready} answers 200 (database, Kafka, toggles replayed). */
    public void awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + InfraLogs.file(name + ".log"));
            }
            try {
                var response = http.send(HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Waiting.pause();
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see "
                + InfraLogs.file(name + ".log"));
    }

    /** SIGTERM (a graceful Quarkus shutdown) through the watchdog, SIGKILL if it does not stop in time. */
    @Override
    public void close() {
        watchdog.close();
        process.destroyForcibly();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
