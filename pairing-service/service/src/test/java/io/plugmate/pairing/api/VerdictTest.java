package io.plugmate.pairing.api;

import static io.plugmate.pairing.api.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.DeviceType;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairAmbiguous;
import io.plugmate.events.PairDeactivated;
import io.plugmate.events.PairEstablished;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.pairing.Api;
import io.plugmate.pairing.Db;
import io.plugmate.pairing.Household;
import io.plugmate.pairing.PairEvents;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A person's confirm and reject, through the same locked path as the Kafka inputs. */
@QuarkusTest
class VerdictTest {

    @Test
    void rejectingAnActivePairDeactivatesItAndIsRememberedAtTheNextPlugIn() {
        Household h = Household.fresh();
        String token = Tokens.apiClient(h.clientId());
        try (PairEvents events = PairEvents.of(h.clientId())) {
            h.link();
            h.plugIn();
            events.await(PairActivated.class);

            given().auth().oauth2(token).post("/pairs/" + h.pairId() + "/reject").then().statusCode(200)
                    .body("id", equalTo(h.pairId()))
                    .body("state", equalTo("INACTIVE"))
                    .body("verdict", equalTo("REJECTED"))
                    .body("verdictAt", notNullValue())
                    .body("activatedAt", equalTo(null));
            PairDeactivated deactivated = events.await(PairDeactivated.class);
            assertThat(deactivated.reason()).isEqualTo("rejected by a person");

            // unplugged and plugged in again, both sides, with timing that alone would activate a pair
            Duration later = Duration.between(h.start(), Instant.now()).plusMinutes(1);
            Household.publish(h.vehicle(later, false, false, 0));
            Household.publish(h.charger(later, false, false, 0));
            VehicleStateObserved vehiclePlugged = h.vehicle(later.plusMinutes(10), true, false, 0);
            ChargerStateObserved chargerPlugged = h.charger(later.plusMinutes(10).plusSeconds(30), true, false, 0);
            // and the vehicle again: the charger's report is taken once the vehicle's topic shows something newer
            VehicleStateObserved vehicleAgain = h.vehicle(later.plusMinutes(11), true, false, 0);
            Household.publish(vehiclePlugged);
            Household.publish(chargerPlugged);
            Household.publish(vehicleAgain);
            await().atMost(PairEvents.PATIENCE).until(() -> Db.processed(vehiclePlugged.eventId())
                    && Db.processed(chargerPlugged.eventId()) && Db.processed(vehicleAgain.eventId()));

            // the new plug-in was weighed (30 s apart, not the first one's 20 s) and the verdict outweighed it
            given().auth().oauth2(token).get("/pairs/" + h.pairId()).then().statusCode(200)
                    .body("state", equalTo("INACTIVE"))
                    .body("verdict", equalTo("REJECTED"))
                    .body("evidence.detail", hasItem("both reported plug-in 30s apart"))
                    .body("evidence.signal", hasItem("person"));
            assertThat(events.all()).filteredOn(e -> e instanceof PairActivated).hasSize(1);
        }
        JsonPath history = given().auth().oauth2(token).get("/pairs/" + h.pairId() + "/history").then()
                .statusCode(200).extract().jsonPath();
        assertThat(history.getList("data.reason", String.class)).contains("rejected by a person");
        assertThat(history.getList("data.to", String.class)).endsWith("INACTIVE");
    }

    @Test
    void confirmingOneOfTwoAmbiguousPairsActivatesItAtFullConfidence() {
        Household h = Household.fresh();
        String second = "chg-" + UUID.randomUUID();
        String token = Tokens.apiClient(h.clientId());
        try (PairEvents events = PairEvents.of(h.clientId())) {
            h.link();
            Household.publish(h.linked(DeviceType.CHARGER, second));
            await().atMost(PairEvents.PATIENCE)
                    .until(() -> events.all().stream().filter(e -> e instanceof PairEstablished).count() == 2);

            // both chargers report a plug-in first, then the vehicle: two equally convincing candidates at once
            Household.publish(h.charger(Duration.ofMinutes(1), false, false, 0));
            Household.publish(h.charger(second, Duration.ofMinutes(1), false, false, 0));
            Household.publish(h.charger(Duration.ofMinutes(10).plusSeconds(20), true, false, 0));
            ChargerStateObserved last = h.charger(second, Duration.ofMinutes(10).plusSeconds(40), true, false, 0);
            Household.publish(last);
            await().atMost(PairEvents.PATIENCE).until(() -> Db.processed(last.eventId()));
            Household.publish(h.vehicle(Duration.ofMinutes(1), false, false, 0));
            Household.publish(h.vehicle(Duration.ofMinutes(10), true, false, 0));
            // the vehicle's report is taken once the chargers' topic shows something newer (ADR 0008)
            Household.publish(h.charger(Duration.ofMinutes(11), true, false, 0));

            String rival = h.pairId(h.vehicleId(), second);
            await().atMost(PairEvents.PATIENCE).until(() -> Api.read(token,
                    "/users/" + h.userId() + "/pairs?state=AMBIGUOUS", "data.id"), containsInAnyOrder(h.pairId(), rival));
            given().auth().oauth2(token).get("/pairs/" + h.pairId()).then()
                    .body("candidates", equalTo(List.of(rival)));
            // published for statistics and orchestration (ADR 0010): each pair with the other as its candidate
            PairAmbiguous ambiguous = events.await(PairAmbiguous.class, e -> e.pairId().equals(h.pairId()));
            assertThat(ambiguous.candidates()).containsExactly(rival);
            assertThat(ambiguous.userId()).isEqualTo(h.userId());
            assertThat(ambiguous.vehicleId()).isEqualTo(h.vehicleId());
            assertThat(ambiguous.chargerId()).isEqualTo(h.chargerId());
            assertThat(events.await(PairAmbiguous.class, e -> e.pairId().equals(rival)).candidates())
                    .containsExactly(h.pairId());
            assertThat(events.keys()).containsOnly(h.userId());
            // the same situation reported again publishes nothing: an ambiguity is news when it arises or its rivals change
            Household.publish(h.vehicle(Duration.ofMinutes(12), true, false, 0));
            ChargerStateObserved again = h.charger(Duration.ofMinutes(12).plusSeconds(30), true, false, 0);
            Household.publish(again);
            await().atMost(PairEvents.PATIENCE).until(() -> Db.processed(again.eventId()));

            given().auth().oauth2(token).post("/pairs/" + h.pairId() + "/confirm").then().statusCode(200)
                    .body("state", equalTo("ACTIVE"))
                    .body("confidence", equalTo(1.0f))
                    .body("verdict", equalTo("CONFIRMED"))
                    .body("activatedAt", notNullValue());
            PairActivated activated = events.await(PairActivated.class);
            assertThat(activated.pairId()).isEqualTo(h.pairId());
            assertThat(activated.confidence()).isEqualTo(1.0);
            assertThat(events.all()).filteredOn(e -> e instanceof PairActivated).hasSize(1);
            assertThat(events.all()).filteredOn(e -> e instanceof PairAmbiguous).hasSize(2);
        }
        given().auth().oauth2(token).get("/pairs/" + h.pairId() + "/history").then()
                .body("data.reason", hasItem("confirmed by a person"));
    }

    @Test
    void confirmingAnActivePairPublishesItAgainConfirmedAndARepeatChangesNothing() {
        Household h = Household.fresh();
        String token = Tokens.apiClient(h.clientId());
        try (PairEvents events = PairEvents.of(h.clientId())) {
            h.link();
            h.plugIn();
            assertThat(events.await(PairActivated.class).confidence()).isLessThan(1.0);

            String first = given().auth().oauth2(token).post("/pairs/" + h.pairId() + "/confirm").then()
                    .statusCode(200).body("state", equalTo("ACTIVE")).body("confidence", equalTo(1.0f))
                    .body("verdict", equalTo("CONFIRMED")).extract().asString();
            PairActivated confirmed = events.await(PairActivated.class, e -> e.confidence() == 1.0);
            assertThat(confirmed.pairId()).isEqualTo(h.pairId());
            assertThat(confirmed.userId()).isEqualTo(h.userId());
            assertThat(confirmed.evidence()).anySatisfy(e -> assertThat(e.signal()).isEqualTo("person"));
            List<String> history = Api.read(token, "/pairs/" + h.pairId() + "/history", "data.reason");

            // another client cannot confirm it (nor learn that it exists), and writes no history
            assertProblem(given().auth().oauth2(Tokens.apiClient("client-" + UUID.randomUUID()))
                    .post("/pairs/" + h.pairId() + "/confirm"), 404);
            String again = given().auth().oauth2(token).post("/pairs/" + h.pairId() + "/confirm").then()
                    .statusCode(200).extract().asString();

            assertThat(again).isEqualTo(first);
            List<String> historyAfter = Api.read(token, "/pairs/" + h.pairId() + "/history", "data.reason");
            assertThat(historyAfter).isEqualTo(history);
            // a rejection afterwards is published behind anything the repeat could have published
            given().auth().oauth2(token).post("/pairs/" + h.pairId() + "/reject").then().statusCode(200);
            PairDeactivated rejected = events.await(PairDeactivated.class);
            assertThat(rejected.withdrawn()).isTrue();
            assertThat(events.all()).filteredOn(e -> e instanceof PairActivated).hasSize(2);
            assertThat(events.keys()).containsOnly(h.userId());
        }
    }

    @Test
    void aDissolvedPairCannotBeJudgedAndUnknownOnesAreNotFound() {
        Household h = Household.fresh();
        String token = Tokens.apiClient(h.clientId());
        try (PairEvents events = PairEvents.of(h.clientId())) {
            h.link();
            events.await(PairEstablished.class);
            Household.publish(h.removed(DeviceType.VEHICLE, h.vehicleId(), Duration.ofMinutes(5)));
            await().atMost(PairEvents.PATIENCE).until(() -> Api.read(token, "/pairs/" + h.pairId(), "state"),
                    equalTo("DISSOLVED"));
        }
        assertProblem(given().auth().oauth2(token).post("/pairs/" + h.pairId() + "/confirm"), 409)
                .then().body("detail", containsString("dissolved"));
        assertProblem(given().auth().oauth2(token).post("/pairs/" + h.pairId() + "/reject"), 409);
        assertProblem(given().auth().oauth2(token).post("/pairs/" + UUID.randomUUID() + "/confirm"), 404);
        assertProblem(given().auth().oauth2(Tokens.apiClient("client-" + UUID.randomUUID()))
                .post("/pairs/" + h.pairId() + "/reject"), 404);
    }
}
