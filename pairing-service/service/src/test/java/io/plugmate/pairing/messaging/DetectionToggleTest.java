package io.plugmate.pairing.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.commons.features.Feature;
import io.plugmate.commons.features.FeatureToggles;
import io.plugmate.events.ClientFeaturesChanged;
import io.plugmate.events.EventJson;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairEstablished;
import io.plugmate.events.Topics;
import io.plugmate.pairing.Api;
import io.plugmate.pairing.Household;
import io.plugmate.pairing.PairEvents;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** The pairing-detection toggle, per client, from the real client-features topic. */
@QuarkusTest
class DetectionToggleTest {

    @Inject
    FeatureToggles toggles;

    @Test
    void withDetectionOffNothingIsActivatedAndBackOnTheSamePlugInActivates() {
        Household h = Household.fresh();
        String token = Tokens.apiClient(h.clientId());
        switchDetection(h.clientId(), false);

        try (PairEvents events = PairEvents.of(h.clientId())) {
            h.link();
            events.await(PairEstablished.class);
            h.plugIn();
            // the pair was weighed (its evidence is there) and still not activated
            await().atMost(PairEvents.PATIENCE).until(() -> Api.read(token, "/pairs/" + h.pairId(),
                    "evidence.signal"), hasItem("plug-in-timing"));
            given().auth().oauth2(token).get("/pairs/" + h.pairId()).then().body("state", equalTo("INACTIVE"));
            assertThat(events.all()).noneMatch(e -> e instanceof PairActivated);

            switchDetection(h.clientId(), true);
            // the user's next input is decided with detection on (the charger's report lets the vehicle's last one
            // be taken, ADR 0008)
            Household.publish(h.charger(Duration.ofMinutes(11).plusSeconds(30), true, true, 11.0));
            assertThat(events.await(PairActivated.class).pairId()).isEqualTo(h.pairId());
        }
    }

    @Test
    void anotherClientSwitchingDetectionOffChangesNothingForThisOne() {
        Household h = Household.fresh();
        switchDetection("client-" + UUID.randomUUID(), false);
        try (PairEvents events = PairEvents.of(h.clientId())) {
            h.link();
            h.plugIn();
            assertThat(events.await(PairActivated.class).pairId()).isEqualTo(h.pairId());
        }
    }

    private void switchDetection(String clientId, boolean on) {
        KafkaTestClient.send(Topics.CLIENT_FEATURES, clientId, EventJson.write(new ClientFeaturesChanged(
                UUID.randomUUID(), 1, clientId, null, Instant.now(), Map.of(Feature.PAIRING_DETECTION.key(), on))));
        await().atMost(PairEvents.PATIENCE)
                .until(() -> toggles.isEnabled(clientId, Feature.PAIRING_DETECTION) == on);
    }
}
