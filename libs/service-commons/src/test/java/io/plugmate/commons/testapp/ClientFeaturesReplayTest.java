package io.plugmate.commons.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

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

    private static final int CLIENTS = 40;
    private static final int UPDATES_PER_CLIENT = 25;

    @Test
    void caughtUpMeansTheWholeHistoryIsApplied() throws Exception {
        String topic = "client-features-replay-" + UUID.randomUUID();
        KafkaTestClients.createCompactedTopic(topic);
        Map<String, Boolean> expectedUnlocking = publishHistory(topic);
        FeatureOverrides overrides = new FeatureOverrides();

        try (var reader = new ClientFeaturesReader(Map.of("bootstrap.servers", KafkaTestClients.bootstrap()), topic,
                Topics.dlq(topic), overrides, "replay-test")) {
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
                "client-features-dlq", new FeatureOverrides(), "replay-test")) {
            reader.start();

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> !reader.caughtUp());
        }
    }

    @Test
    void anAbsentTopicHasNothingToReplayAndIsPickedUpWhenItAppears() throws Exception {
        String topic = "client-features-late-" + UUID.randomUUID();
        FeatureOverrides overrides = new FeatureOverrides();
        try (var reader = new ClientFeaturesReader(Map.of("bootstrap.servers", KafkaTestClients.bootstrap()), topic,
                Topics.dlq(topic), overrides, "replay-test")) {
            reader.start();
            await().atMost(Duration.ofSeconds(15)).until(reader::caughtUp);

            KafkaTestClients.createCompactedTopic(topic);
            KafkaTestClients.send(topic, "late", KafkaTestClients.featuresChanged("late",
                    Map.of("command-orchestration", false)));

            await().atMost(Duration.ofSeconds(15))
                    .until(() -> overrides.of("late").get(Feature.COMMAND_ORCHESTRATION) == Boolean.FALSE);
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
