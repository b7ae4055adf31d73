package io.plugmate.commons.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import io.plugmate.commons.consumers.ConsumerRetryConfig;
import io.plugmate.commons.features.ClientFeaturesReader;
import io.plugmate.commons.features.Feature;
import io.plugmate.commons.features.FeatureOverrides;
import io.plugmate.events.Topics;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A reader started against a topic with history is not caught up (readiness DOWN) until it has applied all of it;
 * once it is, the whole history is in place. Runs its own reader on its own topic so that the numbers are exact.
 */
@QuarkusTest
class ClientFeaturesReplayTest {

    /** The services' back-off, shortened so that a retry comes within the test's patience. */
    private static final ConsumerRetryConfig FAST_RETRY = new ConsumerRetryConfig() {
        public Duration firstDelay() {
            return Duration.ofMillis(100);
        }

        public Duration maxDelay() {
            return Duration.ofMillis(500);
        }
    };

    private static final int CLIENTS = 40;
    private static final int UPDATES_PER_CLIENT = 25;

    @Test
    void caughtUpMeansTheWholeHistoryIsApplied() throws Exception {
        String topic = "client-features-replay-" + UUID.randomUUID();
        KafkaTestClients.createCompactedTopic(topic);
        Map<String, Boolean> expectedUnlocking = publishHistory(topic);
        FeatureOverrides overrides = new FeatureOverrides();

        try (var reader = new ClientFeaturesReader(Map.of("bootstrap.servers", KafkaTestClients.bootstrap()), topic,
                Topics.dlq(topic), overrides, "replay-test", FAST_RETRY)) {
            assertThat(reader.caughtUp()).isFalse();
            reader.start();

            await().atMost(Duration.ofSeconds(30)).until(reader::caughtUp);

            expectedUnlocking.forEach((client, on) -> assertThat(overrides.of(client))
                    .as(client).containsEntry(Feature.CAPABILITY_UNLOCKING, on));
            assertThat(overrides.clientCount()).isEqualTo(CLIENTS);
            assertThat(reader.status()).isEqualTo("caught up");
        }
    }

    @Test
    void withoutABrokerTheReaderNeverClaimsToBeCaughtUp() {
        try (var reader = new ClientFeaturesReader(Map.of("bootstrap.servers", "localhost:1"), "client-features",
                "client-features-dlq", new FeatureOverrides(), "replay-test", FAST_RETRY)) {
            reader.start();

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> !reader.caughtUp());
        }
    }

    @Test
    void anAbsentTopicHasNothingToReplayAndIsPickedUpWhenItAppears() throws Exception {
        String topic = "client-features-late-" + UUID.randomUUID();
        FeatureOverrides overrides = new FeatureOverrides();
        try (var reader = new ClientFeaturesReader(Map.of("bootstrap.servers", KafkaTestClients.bootstrap()), topic,
                Topics.dlq(topic), overrides, "replay-test", FAST_RETRY)) {
            reader.start();
            await().atMost(Duration.ofSeconds(15)).until(reader::caughtUp);

            KafkaTestClients.createCompactedTopic(topic);
            KafkaTestClients.send(topic, "late", KafkaTestClients.featuresChanged("late",
                    Map.of("command-orchestration", false)));

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> overrides.of("late").get(Feature.COMMAND_ORCHESTRATION) == Boolean.FALSE);
        }
    }

    /**
     * A poison record whose dead-letter topic refuses it (here: a record limit below its size, the same path as Kafka
     * being away) is neither dropped nor skipped: its partition waits at it — the valid record behind it is not applied,
     * the reader is not caught up — and once the dead-letter topic takes records the poison lands there once, with its
     * reason, and the record behind it is applied.
     */
    @Test
    void aPoisonRecordTheDeadLetterTopicRefusesWaitsThereUntilItIsDeadLettered() throws Exception {
        String topic = "client-features-dlq-refused-" + UUID.randomUUID();
        String dlq = Topics.dlq(topic);
        KafkaTestClients.createCompactedTopic(topic);
        FeatureOverrides overrides = new FeatureOverrides();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", KafkaTestClients.bootstrap()))) {
            admin.createTopics(List.of(new NewTopic(dlq, 1, (short) 1).configs(Map.of("max.message.bytes", "16"))))
                    .all().get(30, TimeUnit.SECONDS);
            KafkaTestClients.send(topic, "bad", "{not json");
            KafkaTestClients.send(topic, "after", KafkaTestClients.featuresChanged("after",
                    Map.of("command-orchestration", false)));

            try (var reader = new ClientFeaturesReader(Map.of("bootstrap.servers", KafkaTestClients.bootstrap()),
                    topic, dlq, overrides, "dlq-refused-test", FAST_RETRY)) {
                reader.start();
                await().atMost(Duration.ofSeconds(30)).until(() -> reader.status().startsWith("retrying"));
                await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                        .until(() -> overrides.of("after").isEmpty() && !reader.caughtUp());

                admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.TOPIC, dlq),
                        List.of(new AlterConfigOp(new ConfigEntry("max.message.bytes", "1048588"),
                                AlterConfigOp.OpType.SET))))
                        .all().get(30, TimeUnit.SECONDS);

                await().atMost(Duration.ofSeconds(30))
                        .until(() -> overrides.of("after").get(Feature.COMMAND_ORCHESTRATION) == Boolean.FALSE);
                await().atMost(Duration.ofSeconds(10)).until(reader::caughtUp);
            }
        }
        ConsumerRecord<byte[], byte[]> dead = KafkaTestClients.await(dlq, r -> true, Duration.ofSeconds(30));
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(KafkaTestClients.header(dead, Topics.DLQ_SOURCE_OFFSET_HEADER)).isEqualTo("0");
        assertThat(KafkaTestClients.header(dead, Topics.DLQ_REASON_HEADER)).startsWith("unreadable");
        try (var consumer = new KafkaConsumer<byte[], byte[]>(Map.of("bootstrap.servers",
                KafkaTestClients.bootstrap()), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(dlq, 0);
            assertThat(consumer.endOffsets(List.of(partition)).get(partition)).as("dead-lettered once").isEqualTo(1);
        }
    }

    /** Every client's unlocking toggle flips many times; the last value is the one that must stick. */
    private static Map<String, Boolean> publishHistory(String topic) throws Exception {
        Map<String, Boolean> last = new HashMap<>();
        List<String> clients = Arrays.asList(new String[CLIENTS]);
        for (int c = 0; c < CLIENTS; c++) {
            clients.set(c, "replay-client-" + c);
        }
        try (var producer = new KafkaProducer<byte[], byte[]>(
                Map.of("bootstrap.servers", KafkaTestClients.bootstrap(), "acks", "all", "linger.ms", 5),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int update = 0; update < UPDATES_PER_CLIENT; update++) {
                for (String client : clients) {
                    boolean on = (update + client.hashCode()) % 2 == 0;
                    last.put(client, on);
                    producer.send(new ProducerRecord<>(topic, KafkaTestClients.utf8(client), KafkaTestClients
                            .utf8(KafkaTestClients.featuresChanged(client, Map.of("capability-unlocking", on)))));
                }
            }
            // a poison record in the history must not stop the replay
            producer.send(new ProducerRecord<>(topic, KafkaTestClients.utf8("poison"), KafkaTestClients.utf8("{")))
                    .get(30, TimeUnit.SECONDS);
        }
        return last;
    }
}
