package io.plugmate.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker with a data directory restarts on it, keeps its records and its controller port. */
class PersistentBrokerTest {

    @TempDir
    Path temp;

    @Test
    void aRestartKeepsTheDataAndTheControllerPort() throws Exception {
        var options = new KafkaBrokerProcess.Options(0, temp.resolve("data"), temp.resolve("kafka.log"), "384m");
        try (KafkaBrokerProcess first = KafkaBrokerProcess.start(options);
                var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", first.bootstrapServers(),
                        "acks", "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("kept", "k", "survives a restart")).get();
        }
        String controllerPort = Files.readString(temp.resolve("data").resolve("controller.port"));

        try (KafkaBrokerProcess second = KafkaBrokerProcess.start(options);
                var consumer = new KafkaConsumer<String, String>(Map.of("bootstrap.servers", second.bootstrapServers(),
                        "group.id", "restart-check", "auto.offset.reset", "earliest"), new StringDeserializer(),
                        new StringDeserializer())) {
            consumer.subscribe(List.of("kept"));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            for (int i = 0; i < 30 && records.isEmpty(); i++) {
                records = consumer.poll(Duration.ofSeconds(1));
            }
            assertNotNull(records.iterator().hasNext() ? records.iterator().next() : null, "record lost in restart");
            assertEquals("survives a restart", records.iterator().next().value());
        }
        assertEquals(controllerPort, Files.readString(temp.resolve("data").resolve("controller.port")));
    }
}
