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
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real OEM simulator, started from its built jar in its own JVM (random port, simulated time advanced only by the
 * test through {@code /sandbox/time/advance}). The module using it declares a test dependency on
 * {@code plugmate-oem-simulator} of type pom, so the reactor builds the simulator first.
 */
public class SimulatorResource implements QuarkusTestResourceLifecycleManager {

    /** Base URL of the running simulator; also a system property for test code. */
    public static final String URL_PROPERTY = "plugmate.test.simulator.url";
    static final String JAR_PROPERTY = "plugmate.test.simulator.jar";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private Process process;
    private ParentDeathWatchdog watchdog;

    @Override
    public Map<String, String> start() {
        Path jar = ProjectTree.quarkusApp(JAR_PROPERTY, "dev/oem-simulator");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("OEM simulator not built at " + jar.toAbsolutePath()
                    + ": build the oem-simulator module first (./mvnw -pl dev/oem-simulator package)");
        }
        int port = freePort();
        try {
            Path log = InfraLogs.file("oem-simulator.log");
            Files.createDirectories(log.getParent());
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                    "-Dplugmate.simulator.clock.ticker-enabled=false",
                    "-Dplugmate.simulator.demo-fleet.households=0",
                    "-Dplugmate.simulator.commands.failure-rate=0",
                    "-Dplugmate.simulator.reports.late-probability=0",
                    "-Dplugmate.simulator.reports.duplicate-probability=0"));
            // a suite may set more (e.g. webhooks.max-attempts) as system properties of the test JVM; later -D wins
            System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith("plugmate.simulator."))
                    .sorted().forEach(key -> command.add("-D" + key + "=" + System.getProperty(key)));
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            watchdog = ParentDeathWatchdog.guardJvm(process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = "http://127.0.0.1:" + port;
        awaitReady(url);
        System.setProperty(URL_PROPERTY, url);
        return Map.of(URL_PROPERTY, url);
    }

    @Override
    public void stop() {
        if (watchdog != null) {
            watchdog.close(); // SIGTERM: the simulator shuts down gracefully
        }
        if (process != null) {
            process.destroyForcibly();
        }
    }

    private void awaitReady(String url) {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("OEM simulator exited; see " + InfraLogs.file("oem-simulator.log"));
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
            sleep();
        }
        throw new IllegalStateException("OEM simulator not ready within " + STARTUP_TIMEOUT);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
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
