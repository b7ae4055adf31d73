package io.plugmate.testinfra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Plain producer and reader against the {@link KafkaResource} broker: tests talk to the topics like any service. */
public final class KafkaTestClient {

    private KafkaTestClient() {
    }

    private static String bootstrap() {
        String servers = System.getProperty(KafkaResource.BOOTSTRAP_PROPERTY);
        if (servers == null) {
            throw new IllegalStateException("no Kafka: declare @WithTestResource(KafkaResource.class) in the module");
        }
        return servers;
    }

    /** Sends one record and waits for the broker's acknowledgement. */
    public static void send(String topic, String key, String value) {
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", bootstrap(), "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** Reads a topic from the beginning, as a fresh consumer group; poll it until the records you expect are there. */
    public static Reader reader(String topic) {
        return new Reader(topic);
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    public static final class Reader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        private Reader(String topic) {
            consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap(), "group.id",
                    "test-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"), new StringDeserializer(),
                    new StringDeserializer());
            consumer.subscribe(List.of(topic));
        }

        /** Everything read so far, after one more short poll. */
        public List<ConsumerRecord<String, String>> poll() {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return List.copyOf(seen);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
