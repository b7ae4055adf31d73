package io.plugmate.testinfra;

import java.util.Map;

import io.plugmate.localinfra.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real Kafka broker (KRaft, own JVM) for the module's tests; its log goes to target/infra-logs/kafka.log. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    /** Also a system property, so test code can build its own producers and consumers. */
    public static final String BOOTSTRAP_PROPERTY = "kafka.bootstrap.servers";

    private KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        broker = KafkaBroker.startThrowaway(InfraLogs.file("kafka.log"));
        System.setProperty(BOOTSTRAP_PROPERTY, broker.bootstrapServers());
        return Map.of(BOOTSTRAP_PROPERTY, broker.bootstrapServers());
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
