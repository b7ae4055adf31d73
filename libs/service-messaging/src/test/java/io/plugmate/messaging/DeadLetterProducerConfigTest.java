package io.plugmate.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The shared dead-letter producer connects as the rest of the service does and serves one cluster. */
class DeadLetterProducerConfigTest {

    private static final Map<String, Object> KAFKA = Map.of(
            "bootstrap.servers", "kafka:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\";",
            "ssl.truststore.type", "PEM",
            "ssl.truststore.location", "/etc/plugmate/kafka-ca/ca.crt",
            "acks", "1",
            "group.id", "vehicle-service");

    @Test
    void takesTheServicesSecuritySettingsAndIsDurable() {
        assertThat(DeadLetterProducer.config(KAFKA, "kafka:9093")).containsEntry("bootstrap.servers", "kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/plugmate/kafka-ca/ca.crt")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("client.id", DeadLetterProducer.CLIENT_ID)
                .doesNotContainKey("group.id");
    }

    @Test
    void everyChannelMustReadFromTheClusterItWritesTo() {
        DeadLetterProducer producer = new DeadLetterProducer(KAFKA);
        producer.register("pair-events", "kafka:9093");
        assertThatThrownBy(() -> producer.register("elsewhere", "other:9092"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("elsewhere");
        assertThat(producer.channels()).containsExactly("pair-events");

        // without kafka.bootstrap.servers, the channels' own (SmallRye's default for a channel) is taken
        DeadLetterProducer unconfigured = new DeadLetterProducer(Map.of());
        unconfigured.register("a", "localhost:9092");
        unconfigured.register("b", "localhost:9092");
        assertThat(unconfigured.channels()).containsExactlyInAnyOrder("a", "b");
        assertThat(unconfigured.creations()).isZero();
    }

    @Test
    void aChannelsKeyAndValueAreWrittenByTheSerializerMirroringItsDeserializer() {
        assertThat(SharedDeadLetterQueue.serializer("c", Optional.empty(), null, Map.of(), true))
                .isInstanceOf(StringSerializer.class);
        assertThat(SharedDeadLetterQueue.serializer("c", Optional.empty(), ByteArrayDeserializer.class.getName(),
                Map.of(), false)).isInstanceOf(ByteArraySerializer.class);
        assertThat(SharedDeadLetterQueue.serializer("c", Optional.of(ByteArraySerializer.class.getName()),
                "org.apache.kafka.common.serialization.StringDeserializer", Map.of(), false))
                .isInstanceOf(ByteArraySerializer.class);
        assertThatThrownBy(() -> SharedDeadLetterQueue.serializer("odd", Optional.empty(), "com.example.OddDeserializer",
                Map.of(), false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("odd")
                .hasMessageContaining("value.serializer");
    }
}
