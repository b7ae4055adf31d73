package io.plugmate.kafka;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Forks {@link KafkaBrokerMain} into its own JVM. Uses only the JDK, so a caller can depend on this jar alone (the
 * broker's classpath travels inside it) and keep its own kafka-clients version. The broker's standard input is a pipe
 * held by this JVM: when this JVM dies for any reason, the broker sees EOF and exits.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final Process process;
    private final String bootstrapServers;

    private KafkaBrokerProcess(Process process, String bootstrapServers) {
        this.process = process;
        this.bootstrapServers = bootstrapServers;
    }

    /** {@code port} 0 picks a free port; a null data directory means a throwaway one. */
    public record Options(int port, Path dataDirectory, Path logFile, String maxHeap) {

        public static Options throwaway(Path logFile) {
            return new Options(0, null, logFile, "512m");
        }
    }

    public static KafkaBrokerProcess start(Options options) {
        try {
            Files.createDirectories(options.logFile().toAbsolutePath().getParent());
            Process process = new ProcessBuilder(command(options))
                    .redirectError(ProcessBuilder.Redirect.appendTo(options.logFile().toFile()))
                    .start();
            return new KafkaBrokerProcess(process, awaitReady(process, options.logFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> command(Options options) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + options.maxHeap(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-cp", classpath(),
                KafkaBrokerMain.class.getName(), "--port", Integer.toString(options.port())));
        if (options.dataDirectory() != null) {
            command.addAll(List.of("--data-dir", options.dataDirectory().toAbsolutePath().toString()));
        }
        return command;
    }

    /** This jar (or classes directory) followed by the broker classpath that the build wrote into it. */
    static String classpath() {
        try (InputStream in = KafkaBrokerProcess.class.getResourceAsStream("broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("broker.classpath missing: build the kafka-launcher module first");
            }
            String brokerClasspath = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            Path self = Path.of(KafkaBrokerProcess.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return self + java.io.File.pathSeparator + brokerClasspath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String awaitReady(Process process, Path logFile) throws IOException {
        BufferedReader stdout = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> readUntilReady(stdout));
        try {
            String bootstrap = ready.get(STARTUP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            drainInBackground(stdout, logFile);
            return bootstrap;
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            process.destroyForcibly();
            throw new IllegalStateException("Kafka broker did not start; see " + logFile, e);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Kafka", e);
        }
    }

    private static String readUntilReady(BufferedReader stdout) {
        try {
            for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
                if (line.startsWith(KafkaBrokerMain.READY_PREFIX)) {
                    return line.substring(KafkaBrokerMain.READY_PREFIX.length()).trim();
                }
            }
            throw new IllegalStateException("Kafka broker exited before it was ready");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void drainInBackground(BufferedReader stdout, Path logFile) {
        Thread drain = new Thread(() -> {
            try (OutputStream log = Files.newOutputStream(logFile, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND)) {
                for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
                    log.write((line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the broker is gone; nothing left to drain
            }
        }, "kafka-broker-stdout");
        drain.setDaemon(true);
        drain.start();
    }
}
