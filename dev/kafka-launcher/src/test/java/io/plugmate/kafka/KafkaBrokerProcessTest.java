package io.plugmate.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

class KafkaBrokerProcessTest {

    @TempDir
    Path temp;

    @Test
    void aForkedBrokerCarriesRecordsAndStopsWhenItsInputCloses() throws Exception {
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(KafkaBrokerProcess.Options.throwaway(temp.resolve("kafka.log")));
        long pid = broker.pid();
        try {
            try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                    "acks", "all", "enable.idempotence", "true"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("launcher-check", "user-1", "hello")).get();
            }
            try (var consumer = new KafkaConsumer<String, String>(Map.of("bootstrap.servers", broker.bootstrapServers(),
                    "group.id", "launcher-check", "auto.offset.reset", "earliest"), new StringDeserializer(),
                    new StringDeserializer())) {
                consumer.subscribe(List.of("launcher-check"));
                ConsumerRecords<String, String> records = ConsumerRecords.empty();
                for (int i = 0; i < 30 && records.isEmpty(); i++) {
                    records = consumer.poll(Duration.ofSeconds(1));
                }
                assertEquals("hello", records.iterator().next().value());
            }
            assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        } finally {
            broker.close();
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "broker JVM still running");
    }
}
