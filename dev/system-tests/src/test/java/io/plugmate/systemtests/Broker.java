package io.plugmate.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.plugmate.localinfra.KafkaBroker;
import io.plugmate.testinfra.KafkaResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The platform's Kafka broker (KRaft, own JVM) on a fixed port with data that outlives its process, so that the fault
 * suite can {@link #kill()} it with SIGKILL and {@link #restart()} it where the services expect it, with what it had
 * written. Otherwise exactly {@link KafkaResource}: its log is target/infra-logs/kafka.log, the data is deleted at stop.
 */
final class Broker implements QuarkusTestResourceLifecycleManager {

    private final Path log = Path.of("target", "infra-logs", "kafka.log").toAbsolutePath();
    private int port;
    private Path data;
    private volatile KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
            data = Files.createTempDirectory("plugmate-st-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = KafkaBroker.startPersistent(port, data, log);
        System.setProperty(KafkaResource.BOOTSTRAP_PROPERTY, broker.bootstrapServers());
        return Map.of(KafkaResource.BOOTSTRAP_PROPERTY, broker.bootstrapServers());
    }

    /** kill -9 of the broker's JVM; returns once it is gone. */
    void kill() {
        ProcessHandle.of(broker.pid()).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().orTimeout(30, TimeUnit.SECONDS).join();
        });
    }

    /** The broker again on its port with its data (a killed one recovers its log like after a crash). */
    void restart() {
        broker = KafkaBroker.startPersistent(port, data, log);
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
        if (data != null) {
            try (Stream<Path> paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory: the OS cleans it up eventually
            }
        }
    }
}
