package io.plugmate.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import io.plugmate.testinfra.KafkaResource;
import io.plugmate.testinfra.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;

/**
 * The channels' failure strategy {@code shared-dead-letter-queue}: SmallRye's dead-letter-queue (the same letter and
 * headers, acknowledged only after the broker's acknowledgement) through one producer per service, made on the first
 * dead letter. Channels dead-letter-probe-a and -b (this class's only, so no other test's DLQ sees their letters).
 */
@QuarkusTest
class SharedDeadLetterQueueTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DeadLetterProducer deadLetters;

    @Inject
    ChannelsAtStart atStart;

    @Test
    void noDeadLetterProducerIsMadeWhenTheChannelsStart() {
        assertThat(atStart.deadLetterChannels()).contains("retry-probe", "user-events", "dead-letter-probe-a",
                "dead-letter-probe-b");
        assertThat(atStart.deadLetterProducers()).isZero();
        // SmallRye's dead-letter-queue had a producer (kafka-dead-letter-topic-producer-…) per channel by then
        assertThat(atStart.producerThreadsAtStart()).noneMatch(name -> name.contains("dead-letter"));
    }

    @Test
    void aPoisonRecordGoesToTheDlqWithSmallRyesHeadersAndItsPartitionMovesOn() throws Exception {
        String key = "k-" + UUID.randomUUID();
        String poison = "poison-" + UUID.randomUUID() + "-ü";
        String valid = "valid-" + UUID.randomUUID();
        RecordMetadata sent = send(new ProducerRecord<>("dead-letter-probe-a", null, key, poison,
                List.<Header> of(new RecordHeader("trace-id", "t-1".getBytes(StandardCharsets.UTF_8)))));
        send(new ProducerRecord<>("dead-letter-probe-a", key, valid));

        await().atMost(WAIT).until(() -> DeadLetterProbeConsumer.APPLIED.contains(valid));
        ConsumerRecord<String, String> letter = letter("dead-letter-probe-a-letters", poison);
        assertThat(letter.key()).isEqualTo(key);
        assertThat(letter.value().getBytes(StandardCharsets.UTF_8)).isEqualTo(poison.getBytes(StandardCharsets.UTF_8));
        assertThat(KafkaTestClient.header(letter, "dead-letter-reason")).isEqualTo("poison record " + poison);
        assertThat(KafkaTestClient.header(letter, "dead-letter-exception-class-name"))
                .isEqualTo(IllegalArgumentException.class.getName());
        assertThat(KafkaTestClient.header(letter, "dead-letter-cause")).isEqualTo("not a number: " + poison);
        assertThat(KafkaTestClient.header(letter, "dead-letter-cause-class-name"))
                .isEqualTo(NumberFormatException.class.getName());
        assertThat(KafkaTestClient.header(letter, "dead-letter-topic")).isEqualTo("dead-letter-probe-a");
        assertThat(KafkaTestClient.header(letter, "dead-letter-partition")).isEqualTo(String.valueOf(sent.partition()));
        assertThat(KafkaTestClient.header(letter, "dead-letter-offset")).isEqualTo(String.valueOf(sent.offset()));
        assertThat(KafkaTestClient.header(letter, "trace-id")).isEqualTo("t-1");
    }

    @Test
    void twoChannelsDeadLetterThroughTheOneProducer() throws Exception {
        String fromA = "poison-a-" + UUID.randomUUID();
        String fromB = "poison-b-" + UUID.randomUUID();
        send(new ProducerRecord<>("dead-letter-probe-a", "k", fromA));
        send(new ProducerRecord<>("dead-letter-probe-b", "k", fromB));

        assertThat(KafkaTestClient.header(letter("dead-letter-probe-a-letters", fromA), "dead-letter-topic"))
                .isEqualTo("dead-letter-probe-a");
        // b sets no topic: <topic>-dlq
        assertThat(KafkaTestClient.header(letter("dead-letter-probe-b-dlq", fromB), "dead-letter-topic"))
                .isEqualTo("dead-letter-probe-b");
        assertThat(deadLetters.creations()).isEqualTo(1);
        assertThat(ChannelsAtStart.producerThreads()).filteredOn(name -> name.contains("dead-letter"))
                .containsExactly("kafka-producer-network-thread | " + DeadLetterProducer.CLIENT_ID);
    }

    @Test
    void aPassingFailureIsRetriedInPlaceAndNeverDeadLettered() throws Exception {
        String passing = "transient-" + UUID.randomUUID();
        String poison = "poison-after-" + passing;
        send(new ProducerRecord<>("dead-letter-probe-b", passing, passing));
        send(new ProducerRecord<>("dead-letter-probe-b", passing, poison));

        // the poison behind it on the same partition is dead-lettered only once the passing record was applied
        try (KafkaTestClient.Reader dlq = KafkaTestClient.reader("dead-letter-probe-b-dlq")) {
            await().atMost(WAIT).until(() -> dlq.poll().stream().anyMatch(r -> poison.equals(r.value())));
            assertThat(dlq.poll()).extracting(ConsumerRecord::value).doesNotContain(passing);
        }
        assertThat(DeadLetterProbeConsumer.APPLIED).contains(passing);
    }

    /**
     * A letter the broker refuses (a DLQ taking at most 16 bytes) fails the nack and leaves its record unacknowledged;
     * the same producer then delivers the next letter, and only then is that record acknowledged. The handler is
     * driven directly with SmallRye's record type and a commit handler that records what it is asked to commit, so
     * that no channel of the application has to fail.
     */
    @Test
    void aLetterTheBrokerRefusesLeavesItsRecordUnacknowledged() throws Exception {
        String refusing = "refusing-dlq-" + UUID.randomUUID();
        String accepting = "accepting-dlq-" + UUID.randomUUID();
        withKafkaClassLoader(() -> {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
                admin.createTopics(List.of(new NewTopic(refusing, 1, (short) 1).configs(Map.of("max.message.bytes",
                        "16")), new NewTopic(accepting, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            return null;
        });
        RecordedCommits commits = new RecordedCommits();

        DeadLetterHandler refused = handler(refusing);
        assertThatThrownBy(() -> refused.handle(record(7, refused, commits), new IllegalArgumentException("poison"),
                Metadata.empty()).await().atMost(WAIT)).isInstanceOf(RecordTooLargeException.class);
        assertThat(commits.offsets).isEmpty();

        DeadLetterHandler accepted = handler(accepting);
        accepted.handle(record(8, accepted, commits), new IllegalArgumentException("poison"), Metadata.empty())
                .await().atMost(WAIT);
        assertThat(commits.offsets).containsExactly(8L);
        assertThat(letter(accepting, "a record longer than sixteen bytes").offset()).isZero();
    }

    private DeadLetterHandler handler(String topic) {
        return new DeadLetterHandler("handler-probe", Optional.of(topic), new StringSerializer(),
                new StringSerializer(), deadLetters);
    }

    private static IncomingKafkaRecord<String, String> record(long offset, DeadLetterHandler onNack,
            KafkaCommitHandler commits) {
        return new IncomingKafkaRecord<>(new ConsumerRecord<>("handler-probe", 0, offset, "k",
                "a record longer than sixteen bytes"), "handler-probe", -1, commits, onNack, false);
    }

    /** SmallRye's commit handler as far as this test needs it: which records the handler acknowledged. */
    private static final class RecordedCommits implements KafkaCommitHandler {
        final List<Long> offsets = new CopyOnWriteArrayList<>();

        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
            offsets.add(record.getOffset());
            return Uni.createFrom().voidItem();
        }
    }

    /** The letter with this value on the topic, once it is there. */
    private static ConsumerRecord<String, String> letter(String topic, String value) {
        try (KafkaTestClient.Reader dlq = KafkaTestClient.reader(topic)) {
            await().atMost(WAIT).until(() -> dlq.poll().stream().anyMatch(r -> value.equals(r.value())));
            return dlq.poll().stream().filter(r -> value.equals(r.value())).findFirst().orElseThrow();
        }
    }

    private static RecordMetadata send(ProducerRecord<String, String> record) throws Exception {
        return withKafkaClassLoader(() -> {
            try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", bootstrap(), "acks",
                    "all"), new StringSerializer(), new StringSerializer())) {
                return producer.send(record).get(30, TimeUnit.SECONDS);
            }
        });
    }

    private static String bootstrap() {
        return System.getProperty(KafkaResource.BOOTSTRAP_PROPERTY);
    }

    /** Kafka's clients load their plugins through the context class loader, which Vert.x awaits may change. */
    private static <T> T withKafkaClassLoader(Callable<T> call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        thread.setContextClassLoader(KafkaProducer.class.getClassLoader());
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(before);
        }
    }
}
