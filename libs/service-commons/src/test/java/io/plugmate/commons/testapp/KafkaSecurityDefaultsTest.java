package io.plugmate.commons.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;

/**
 * The Kafka security defaults every service inherits (META-INF/microprofile-config.properties): PLAINTEXT against the
 * test broker here, SCRAM over TLS with the cluster CA as PEM once the environment says SASL_SSL (k8s/).
 */
@QuarkusTest
class KafkaSecurityDefaultsTest {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @Test
    void everyKafkaClientGetsTheSecuritySettingsFromTheOneConfiguration() {
        assertThat(kafka).containsEntry("security.protocol", "PLAINTEXT")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", "/etc/plugmate/kafka-ca/ca.crt")
                .containsKey("bootstrap.servers");
        assertThat(kafka.get("sasl.jaas.config").toString())
                .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required")
                .contains("username=\"\"");
    }
}
