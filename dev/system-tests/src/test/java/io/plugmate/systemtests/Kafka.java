package io.plugmate.systemtests;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.plugmate.testinfra.KafkaResource;

/** The platform's broker seen from outside: has a service's consumer group read everything on some topics? */
final class Kafka {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private Kafka() {
    }

    /**
     * Waits until the group has committed every record now on the topics (consumers commit every few seconds): what
     * happened so far has reached the service, so a request that depends on it sees it.
     */
    static void awaitConsumed(String group, String... topics) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers",
                System.getProperty(KafkaResource.BOOTSTRAP_PROPERTY)))) {
            Map<TopicPartition, Long> ends = ends(admin, List.of(topics));
            // one answer of the admin client that takes over 10 s (a machine under load) is asked again, not fatal
            await().atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(java.util.concurrent.TimeoutException.class).until(() -> {
                        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                        return ends.entrySet().stream().allMatch(end -> end.getValue() == 0
                                || committed.get(end.getKey()) != null
                                        && committed.get(end.getKey()).offset() >= end.getValue());
                    });
        }
    }

    private static Map<TopicPartition, Long> ends(Admin admin, List<String> topics) throws RuntimeException {
        try {
            var partitions = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topics, e);
        }
    }
}
