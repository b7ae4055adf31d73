package io.plugmate.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The relay connects the way the rest of the service does (TLS, SASL from kafka.*) and keeps its own guarantees. */
class OutboxProducerConfigTest {

    @Test
    void takesTheServicesSecuritySettingsAndKeepsItsDeliveryGuarantees() {
        // batch.size: a relay's round (up to 2,000 events, ~1-1.5 MB) in a batch per partition, not ~90 of 16 KiB
        Map<String, Object> config = OutboxProducer.config(Map.of(
                "bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\";",
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", "/etc/plugmate/kafka-ca/ca.crt",
                "acks", "1",
                "group.id", "vehicle-service"), Duration.ofSeconds(5));

        assertThat(config).containsEntry("bootstrap.servers", "kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/plugmate/kafka-ca/ca.crt")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true)
                .containsEntry("max.block.ms", 5000)
                .containsEntry("batch.size", 256 * 1024)
                .doesNotContainKey("group.id");
    }
}
