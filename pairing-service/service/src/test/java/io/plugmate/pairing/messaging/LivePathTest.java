package io.plugmate.pairing.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.plugmate.events.DeviceType;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairDeactivated;
import io.plugmate.events.PairDissolved;
import io.plugmate.events.PairEstablished;
import io.plugmate.events.PairEvent;
import io.plugmate.pairing.Household;
import io.plugmate.pairing.PairEvents;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Device events in on the real topics, pair events out on the real topic, the pair and its history in the API. */
@QuarkusTest
class LivePathTest {

    @Inject
    MeterRegistry metrics;

    @Test
    void aPairIsEstablishedActivatedWithEvidenceDeactivatedOnUnplugAndDissolvedOnUnlink() {
        double activatedBefore = decisions("activated");
        double deactivatedBefore = decisions("deactivated");
        Household h = Household.fresh();
        String token = Tokens.apiClient(h.clientId());
        try (PairEvents events = PairEvents.of(h.clientId())) {
            h.link();
            PairEstablished established = events.await(PairEstablished.class);
            assertThat(established.pairId()).isEqualTo(h.pairId());
            assertThat(established.vehicleId()).isEqualTo(h.vehicleId());
            assertThat(established.chargerId()).isEqualTo(h.chargerId());
            assertThat(established.userId()).isEqualTo(h.userId());

            h.plugIn();
            PairActivated activated = events.await(PairActivated.class);
            assertThat(activated.pairId()).isEqualTo(h.pairId());
            assertThat(activated.confidence()).isBetween(0.5, 1.0);
            assertThat(activated.evidence()).anySatisfy(e -> {
                assertThat(e.signal()).isEqualTo("plug-in-timing");
                assertThat(e.detail()).contains("20s apart");
                assertThat(e.score()).isPositive();
            });
            given().auth().oauth2(token).get("/pairs/" + h.pairId()).then().statusCode(200)
                    .body("state", equalTo("ACTIVE"))
                    .body("userId", equalTo(h.userId()))
                    .body("vehicleId", equalTo(h.vehicleId()))
                    .body("chargerId", equalTo(h.chargerId()))
                    .body("evidence.signal", hasItem("plug-in-timing"))
                    .body("activatedAt", equalTo(h.at(Duration.ofMinutes(10).plusSeconds(20)).toString()));

            Household.publish(h.charger(Duration.ofMinutes(11), true, true, 11.0));
            Household.publish(h.vehicle(Duration.ofMinutes(12), true, true, 10.1));
            Household.publish(h.vehicle(Duration.ofMinutes(60), false, false, 0));
            // the vehicle's report is taken once the charger's topic has shown something newer (ADR 0008)
            Household.publish(h.charger(Duration.ofMinutes(60).plusSeconds(30), false, false, 0));
            PairDeactivated deactivated = events.await(PairDeactivated.class);
            assertThat(deactivated.pairId()).isEqualTo(h.pairId());
            assertThat(deactivated.reason()).isEqualTo("vehicle reported unplugged");

            Household.publish(h.removed(DeviceType.CHARGER, h.chargerId(), Duration.ofMinutes(90)));
            PairDissolved dissolved = events.await(PairDissolved.class);
            assertThat(dissolved.reason()).isEqualTo("charger unlinked");

            assertThat(events.all()).extracting(PairEvent::type).containsExactly("PairEstablished", "PairActivated",
                    "PairDeactivated", "PairDissolved");
            assertThat(events.keys()).containsOnly(h.userId());
            // every event id is the detector's own, so a replay of the same input names the same events
            assertThat(events.all()).extracting(PairEvent::eventId).doesNotHaveDuplicates();
        }
        // counted as decided (other tests' households may add to it, never take away)
        assertThat(decisions("activated")).isGreaterThanOrEqualTo(activatedBefore + 1);
        assertThat(decisions("deactivated")).isGreaterThanOrEqualTo(deactivatedBefore + 1);
        given().auth().oauth2(token).get("/pairs/" + h.pairId() + "/history").then().statusCode(200)
                .body("data.to", equalTo(List.of("INACTIVE", "ACTIVE", "INACTIVE", "DISSOLVED")))
                .body("data[1].reason", startsWith("convincing and unrivalled"))
                .body("data[2].reason", equalTo("vehicle reported unplugged"))
                .body("data[3].reason", equalTo("charger unlinked"));
        given().auth().oauth2(token).get("/pairs/" + h.pairId()).then().body("state", equalTo("DISSOLVED"));
    }

    private double decisions(String outcome) {
        var counter = metrics.find("plugmate.pairing.decisions").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
