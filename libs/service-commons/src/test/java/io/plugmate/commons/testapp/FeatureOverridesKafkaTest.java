package io.plugmate.commons.testapp;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.plugmate.commons.features.Feature;
import io.plugmate.commons.features.FeatureToggles;
import io.plugmate.events.Topics;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Overrides published by another service on the real client-features topic reach this service's toggles. */
@QuarkusTest
class FeatureOverridesKafkaTest {

    private static final Duration PROPAGATION = Duration.ofSeconds(20);

    @Inject
    FeatureToggles toggles;

    @BeforeAll
    static void topics() throws Exception {
        // orchestration-service (or Strimzi) owns these in real life; the reader copes with them appearing late
        KafkaTestClients.createCompactedTopic(Topics.CLIENT_FEATURES);
    }

    private static String client() {
        return "client-" + UUID.randomUUID();
    }

    @Test
    void withoutOverridesAClientGetsTheServiceDefaults() {
        String client = client();

        Map<String, Boolean> features = given().auth().oauth2(Tokens.apiClient(client)).get("/probe/features")
                .then().statusCode(200).extract().jsonPath().getMap("", String.class, Boolean.class);

        assertThat(features).containsOnly(
                Map.entry("pairing-detection", true),
                Map.entry("improved-charge-rate", true),
                // the contract says off; this service's configuration says on
                Map.entry("enhanced-charge-rate-estimate", true),
                Map.entry("capability-unlocking", true),
                Map.entry("command-orchestration", true),
                Map.entry("native-session-statistics", true),
                Map.entry("unified-charger-controls", false));
    }

    @Test
    void aPublishedOverrideTakesEffectAndCanBeCleared() throws Exception {
        String client = client();

        KafkaTestClients.send(Topics.CLIENT_FEATURES, client, KafkaTestClients.featuresChanged(client,
                Map.of("capability-unlocking", false, "command-orchestration", false)));
        await().atMost(PROPAGATION)
                .until(() -> !toggles.isEnabled(client, Feature.CAPABILITY_UNLOCKING));

        assertThat(toggles.isEnabled(client, Feature.COMMAND_ORCHESTRATION)).isFalse();
        assertThat(toggles.isEnabled(client, Feature.PAIRING_DETECTION)).isTrue();
        given().auth().oauth2(Tokens.apiClient(client)).get("/probe/features")
                .then().statusCode(200)
                .body("'capability-unlocking'", org.hamcrest.Matchers.equalTo(false));

        KafkaTestClients.send(Topics.CLIENT_FEATURES, client, KafkaTestClients.featuresChanged(client, Map.of()));
        await().atMost(PROPAGATION)
                .until(() -> toggles.isEnabled(client, Feature.CAPABILITY_UNLOCKING));
        assertThat(toggles.effective(client)).isEqualTo(toggles.defaults());
    }

    @Test
    void aTombstoneClearsTheOverrides() throws Exception {
        String client = client();
        KafkaTestClients.send(Topics.CLIENT_FEATURES, client,
                KafkaTestClients.featuresChanged(client, Map.of("pairing-detection", false)));
        await().atMost(PROPAGATION).until(() -> !toggles.isEnabled(client, Feature.PAIRING_DETECTION));

        KafkaTestClients.send(Topics.CLIENT_FEATURES, client, null);

        await().atMost(PROPAGATION).until(() -> toggles.isEnabled(client, Feature.PAIRING_DETECTION));
    }

    @Test
    void twoClientsAreIndependent() throws Exception {
        String acme = client();
        String globex = client();

        KafkaTestClients.send(Topics.CLIENT_FEATURES, acme,
                KafkaTestClients.featuresChanged(acme, Map.of("native-session-statistics", false)));
        KafkaTestClients.send(Topics.CLIENT_FEATURES, globex,
                KafkaTestClients.featuresChanged(globex, Map.of("improved-charge-rate", false)));

        await().atMost(PROPAGATION).until(() -> !toggles.isEnabled(globex, Feature.IMPROVED_CHARGE_RATE));
        await().atMost(PROPAGATION).until(() -> !toggles.isEnabled(acme, Feature.NATIVE_SESSION_STATISTICS));
        assertThat(toggles.isEnabled(acme, Feature.IMPROVED_CHARGE_RATE)).isTrue();
        assertThat(toggles.isEnabled(globex, Feature.NATIVE_SESSION_STATISTICS)).isTrue();
    }

    @Test
    void aPoisonRecordGoesToTheDlqWithItsReasonAndTheReaderCarriesOn() throws Exception {
        String poisoned = client();
        String healthy = client();

        KafkaTestClients.send(Topics.CLIENT_FEATURES, poisoned, "{\"this is\": not an event");
        KafkaTestClients.send(Topics.CLIENT_FEATURES, healthy,
                KafkaTestClients.featuresChanged(healthy, Map.of("pairing-detection", false)));

        var dead = KafkaTestClients.await(Topics.dlq(Topics.CLIENT_FEATURES),
                record -> record.key() != null && Arrays.equals(record.key(), KafkaTestClients.utf8(poisoned)),
                PROPAGATION);
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{\"this is\": not an event");
        assertThat(KafkaTestClients.header(dead, Topics.DLQ_REASON_HEADER))
                .startsWith("unreadable ClientFeaturesChanged");
        assertThat(KafkaTestClients.header(dead, Topics.DLQ_SOURCE_TOPIC_HEADER)).isEqualTo(Topics.CLIENT_FEATURES);
        assertThat(KafkaTestClients.header(dead, Topics.DLQ_SOURCE_OFFSET_HEADER)).matches("\\d+");
        assertThat(KafkaTestClients.header(dead, "dlq-consumer")).isEqualTo("service-commons-test");

        await().atMost(PROPAGATION).until(() -> !toggles.isEnabled(healthy, Feature.PAIRING_DETECTION));
        assertThat(toggles.effective(poisoned)).isEqualTo(toggles.defaults());
    }

    @Test
    void aRecordFiledUnderAnotherKeyIsPoison() throws Exception {
        String key = client();

        KafkaTestClients.send(Topics.CLIENT_FEATURES, key,
                KafkaTestClients.featuresChanged("someone-else", Map.of("pairing-detection", false)));

        var dead = KafkaTestClients.await(Topics.dlq(Topics.CLIENT_FEATURES),
                record -> record.key() != null && Arrays.equals(record.key(), KafkaTestClients.utf8(key)),
                PROPAGATION);
        assertThat(KafkaTestClients.header(dead, Topics.DLQ_REASON_HEADER)).contains("does not match clientId");
        assertThat(toggles.isEnabled("someone-else", Feature.PAIRING_DETECTION)).isTrue();
    }

    @Test
    void readinessIncludesTheReplay() {
        await().atMost(PROPAGATION).untilAsserted(() -> given().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'client-features' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'client-features' }.data.state",
                        org.hamcrest.Matchers.equalTo("CAUGHT_UP")));
    }
}
