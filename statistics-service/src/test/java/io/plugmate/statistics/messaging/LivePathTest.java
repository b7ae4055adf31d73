package io.plugmate.statistics.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.events.ClientFeaturesChanged;
import io.plugmate.events.EventJson;
import io.plugmate.events.PairEvent;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.statistics.Household;
import io.plugmate.statistics.Sessions;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** From the topics to the API: sessions, attribution and its history, the toggle, and replays. */
@QuarkusTest
class LivePathTest {

    @Test
    void aHomeChargeIsOneNativeSessionOfThePairedCarWithItsOwnEstimateAsTheLoss() {
        Household h = Household.fresh();
        String token = Tokens.apiClient(h.clientId());

        h.publishAndAwait(homeChargeOfThePairedCar(h));

        JsonPath page = Sessions.list(token, "userId=" + h.userId());
        assertThat(page.getList("data")).hasSize(1);
        assertThat(page.getString("data[0].id")).isEqualTo("s1");
        assertThat(page.getString("data[0].source")).isEqualTo("NATIVE");
        assertThat(page.getDouble("data[0].energyKwh")).isEqualTo(14.4);
        assertThat(page.getString("data[0].vehicleId")).isEqualTo(h.vehicleId());
        assertThat(page.getString("data[0].attribution.status")).isEqualTo("ATTRIBUTED");
        assertThat(page.getString("data[0].attribution.pairId")).isEqualTo(h.pairId());
        assertThat(page.getDouble("data[0].attribution.confidence")).isEqualTo(0.8);
        assertThat(page.getString("data[0].attribution.attributedBy")).isEqualTo("DETECTION");
        // the car saw 90 % of the wall power (reports 2 min apart: half of each boundary interval counts); the difference
        // is the charging loss
        assertThat(page.getDouble("data[0].crossCheck.estimatedKwh")).isCloseTo(6.48 * (2 + 2 / 60.0), within(0.001));
        assertThat(page.getDouble("data[0].crossCheck.lossPercent")).isCloseTo(10, within(1.5));
        String estimate = page.getString("data[0].crossCheck.sessionIds[0]");
        given().auth().oauth2(token).get("/statistics/charging/sessions/" + estimate).then().statusCode(200)
                .body("source", org.hamcrest.Matchers.equalTo("ESTIMATED"))
                .body("basis", org.hamcrest.Matchers.equalTo("VEHICLE_RATE"))
                .body("supersededBy", org.hamcrest.Matchers.equalTo("s1"));
    }

    /**
     * docs/adr/0012: the home charge of the first case, then the charger's consent without charger:read:data — the list
     * (JSON and CSV) shows only the car's own estimate, without cross-check; the native session is a 404, the charger's
     * buckets are empty and the car's add up to its estimate. Read at read time: a new link with the scope brings the
     * native session and its cross-check back. Another client's consent for the same charger id, an announcement from
     * before schema 3 and the charger's removal change nothing.
     */
    @Test
    void aChargerWithoutReadConsentServesNothingItMeasuredAndTheCarsOwnEstimateCounts() {
        Household h = Household.fresh();
        String token = Tokens.apiClient(h.clientId());
        List<PlugmateEvent> events = homeChargeOfThePairedCar(h);
        events.add(h.twin().chargerScopes("charger:control:charging"));
        events.add(h.chargerScopes("charger:control:charging", "charger:read:data"));
        h.publishAndAwait(events);
        JsonPath granted = Sessions.list(token, "userId=" + h.userId());
        assertThat(granted.<String> getList("data.id")).containsExactly("s1");
        String estimate = granted.getString("data[0].crossCheck.sessionIds[0]");
        double estimated = granted.getDouble("data[0].crossCheck.estimatedKwh");
        String day = "&startDate=2026-11-24&endDate=2026-11-25";

        h.publishAndAwait(h.chargerScopes("charger:control:charging"));

        JsonPath withheld = Sessions.list(token, "userId=" + h.userId());
        assertThat(withheld.<String> getList("data.id")).containsExactly(estimate);
        assertThat(withheld.getString("data[0].basis")).isEqualTo("VEHICLE_RATE");
        assertThat(withheld.getString("data[0].attribution.status")).isEqualTo("VEHICLE");
        assertThat(withheld.getString("data[0].vehicleId")).isEqualTo(h.vehicleId());
        assertThat(withheld.<Object> get("data[0].crossCheck")).isNull();
        assertThat(withheld.getString("data[0].supersededBy")).isNull();
        String csv = given().auth().oauth2(token).accept("text/csv")
                .get("/statistics/charging/sessions?userId=" + h.userId()).then().statusCode(200).extract().asString();
        assertThat(csv.split("\r\n")).hasSize(2);
        assertThat(csv.split("\r\n")[1]).startsWith(estimate + ",");
        given().auth().oauth2(token).get("/statistics/charging/sessions/s1").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(token).get("/statistics/charging/sessions/" + estimate).then().statusCode(200)
                .body("supersededBy", org.hamcrest.Matchers.nullValue())
                .body("crossCheck", org.hamcrest.Matchers.nullValue());
        JsonPath charger = Sessions.buckets(token, "type=charger&id=" + h.chargerId() + day);
        assertThat(charger.getList("$")).hasSize(1);
        assertThat(charger.getDouble("[0].kwhSum")).isZero();
        assertThat(charger.getInt("[0].sessionCount")).isZero();
        assertThat(Sessions.buckets(token, "type=vehicle&id=" + h.vehicleId() + day).getDouble("[0].kwhSum"))
                .isCloseTo(estimated, within(0.002));
        assertThat(Sessions.buckets(token, "type=vehicle" + day).getDouble("[0].kwhSum"))
                .isCloseTo(estimated, within(0.002));

        // a charger-service before schema 3 says nothing about the scopes: the consent stays as it was
        h.publishAndAwait(h.chargerUpdatedWithoutScopes());
        assertThat(Sessions.list(token, "userId=" + h.userId()).<String> getList("data.id")).containsExactly(estimate);

        // a new link granting charger:read:data: the native session and its cross-check are back
        h.publishAndAwait(h.chargerScopes("charger:read:data"));
        JsonPath back = Sessions.list(token, "userId=" + h.userId());
        assertThat(back.<String> getList("data.id")).containsExactly("s1");
        assertThat(back.getString("data[0].crossCheck.sessionIds[0]")).isEqualTo(estimate);
        assertThat(Sessions.buckets(token, "type=charger&id=" + h.chargerId() + day).getDouble("[0].kwhSum"))
                .isEqualTo(14.4);
        given().auth().oauth2(token).get("/statistics/charging/sessions/" + estimate).then().statusCode(200)
                .body("supersededBy", org.hamcrest.Matchers.equalTo("s1"));

        // withheld again and then unlinked: the sessions stay, and so does the consent that covers them
        h.publishAndAwait(h.chargerScopes(), h.chargerRemoved());
        assertThat(Sessions.list(token, "userId=" + h.userId()).<String> getList("data.id")).containsExactly(estimate);
    }

    @Test
    void aRejectionAfterwardsTakesTheSessionFromTheCarAndSaysWhenAndWhy() {
        Household h = Household.fresh();
        String token = Tokens.apiClient(h.clientId());
        List<PlugmateEvent> events = new ArrayList<>(List.of(h.activated(1, 0.7)));
        events.addAll(h.homeCharge("s1", 0, 60, 7.0));
        h.publishAndAwait(events);
        assertThat(Sessions.list(token, "userId=" + h.userId() + "&source=NATIVE").getString(
                "data[0].attribution.status")).isEqualTo("ATTRIBUTED");

        h.publishAndAwait(h.deactivated(75, "rejected by a person"));

        JsonPath nativeSession = Sessions.list(token, "userId=" + h.userId() + "&source=NATIVE");
        assertThat(nativeSession.getString("data[0].attribution.status")).isEqualTo("GUEST");
        assertThat(nativeSession.getString("data[0].attribution.changedAt")).isEqualTo(Household.at(75).toString());
        assertThat(nativeSession.getString("data[0].attribution.reason")).contains("rejected by a person");
        assertThat(nativeSession.<String> getList("data[0].attributionHistory.status"))
                .containsExactly("ATTRIBUTED", "GUEST");
        // the car's own estimate no longer stands behind a session of the car: it is counted as the car's
        assertThat(Sessions.list(token, "userId=" + h.userId() + "&attribution=VEHICLE").getList("data")).hasSize(1);
    }

    @Test
    void pairingsWithdrawnFlagTakesTheSessionBackWhateverTheReasonSays() {
        Household h = Household.fresh();
        String token = Tokens.apiClient(h.clientId());
        List<PlugmateEvent> events = new ArrayList<>(List.of(h.activated(1, 0.7)));
        events.addAll(h.homeCharge("s1", 0, 60, 7.0));
        h.publishAndAwait(events);

        // stored as a withdrawal in the ledger and read back as one, though no reason phrase says so
        h.publishAndAwait(h.deactivated(75, "a wording statistics does not know", true));

        JsonPath nativeSession = Sessions.list(token, "userId=" + h.userId() + "&source=NATIVE");
        assertThat(nativeSession.getString("data[0].attribution.status")).isEqualTo("GUEST");
        assertThat(nativeSession.<String> getList("data[0].attributionHistory.status"))
                .containsExactly("ATTRIBUTED", "GUEST");
    }

    @Test
    void anAmbiguousPlugInIsUnattributedWithItsCandidatesUntilAPersonConfirms() {
        Household h = Household.fresh();
        String token = Tokens.apiClient(h.clientId());
        String rivalPair = UUID.randomUUID().toString();
        String rivalCar = UUID.randomUUID().toString();
        List<PlugmateEvent> events = new ArrayList<>(List.of(h.ambiguous(1, h.pairId(), h.vehicleId(), rivalPair),
                h.ambiguous(1, rivalPair, rivalCar, h.pairId())));
        events.addAll(h.homeCharge("s1", 0, 60, 11.0).stream().filter(e -> !e.type().equals(
                "ChargerSessionRecorded")).toList());
        h.publishAndAwait(events);
        h.publishAndAwait(h.session("s1", 0, 60, 11.0));

        JsonPath ambiguous = Sessions.list(token, "userId=" + h.userId() + "&attribution=AMBIGUOUS");
        assertThat(ambiguous.getString("data[0].id")).isEqualTo("s1");
        assertThat(ambiguous.<String> getList("data[0].attribution.candidates.vehicleId"))
                .containsExactlyInAnyOrder(h.vehicleId(), rivalCar);
        assertThat(ambiguous.getString("data[0].vehicleId")).isNull();

        // a person confirmed while the car was still plugged in (the event reaches statistics later)
        h.publishAndAwait(h.activated(30, 1.0));

        JsonPath confirmed = Sessions.list(token, "userId=" + h.userId() + "&source=NATIVE");
        assertThat(confirmed.getString("data[0].attribution.status")).isEqualTo("ATTRIBUTED");
        assertThat(confirmed.getString("data[0].attribution.attributedBy")).isEqualTo("CONFIRMED");
        assertThat(confirmed.getDouble("data[0].attribution.confidence")).isEqualTo(1.0);
    }

    @Test
    void aGuestOnTheWallboxIsTheChargersNotTheCars() {
        Household h = Household.fresh();
        String token = Tokens.apiClient(h.clientId());
        List<PlugmateEvent> guest = h.homeCharge("g1", 0, 90, 3.6).stream()
                .filter(e -> !e.type().equals("VehicleStateObserved")).toList();

        h.publishAndAwait(guest);

        JsonPath page = Sessions.list(token, "userId=" + h.userId());
        assertThat(page.getString("data[0].attribution.status")).isEqualTo("GUEST");
        String day = "&startDate=2026-11-24&endDate=2026-11-25&resolution=DAY";
        assertThat(Sessions.buckets(token, "type=charger&id=" + h.chargerId() + day).getDouble("[0].kwhSum"))
                .isEqualTo(5.4);
        assertThat(Sessions.buckets(token, "type=vehicle&id=" + h.vehicleId() + day).getDouble("[0].kwhSum"))
                .isZero();
    }

    @Test
    void replayingTheTopicsInAnotherOrderRebuildsTheSameSessions() {
        Household live = Household.fresh();
        List<PlugmateEvent> input = new ArrayList<>(List.of(live.activated(1, 0.8)));
        input.addAll(live.homeCharge("s1", 0, 100, 7.4));
        input.add(live.deactivated(101, "vehicle reported unplugged"));
        input.addAll(live.homeCharge("s2", 400, 440, 3.7));
        input.add(live.deactivated(600, "rejected by a person"));
        live.publishAndAwait(input);

        // the same input for another client, as a replay would deliver it: every topic's records in order, but the
        // topics one after the other, pair events last, telemetry backwards within its topics' interleaving
        Household replay = live.twin();
        List<PlugmateEvent> others = new ArrayList<>(input.stream().filter(e -> !(e instanceof PairEvent)).toList());
        Collections.reverse(others);
        List<PlugmateEvent> shuffled = new ArrayList<>(others.stream().map(replay::copy).toList());
        shuffled.addAll(input.stream().filter(e -> e instanceof PairEvent).map(replay::copy).toList());
        replay.publishAndAwait(shuffled);

        assertThat(comparable(Tokens.apiClient(replay.clientId()), replay))
                .isEqualTo(comparable(Tokens.apiClient(live.clientId()), live)).isNotEmpty();
    }

    @Test
    void withNativeStatisticsOffOnlyEstimatedSessionsAreServed() {
        Household h = Household.fresh();
        String token = Tokens.apiClient(h.clientId());
        KafkaTestClient.send(Topics.CLIENT_FEATURES, h.clientId(), EventJson.write(new ClientFeaturesChanged(
                UUID.randomUUID(), 1, h.clientId(), null, Household.EVENING, Map.of("native-session-statistics", false))));
        List<PlugmateEvent> events = new ArrayList<>(List.of(h.activated(1, 0.8)));
        events.addAll(h.homeCharge("s1", 0, 120, 7.2));
        h.publishAndAwait(events);

        await().atMost(Household.PATIENCE).until(() -> Sessions.of(token, h.userId()).stream()
                .allMatch(s -> "ESTIMATED".equals(s.get("source"))));
        JsonPath page = Sessions.list(token, "userId=" + h.userId());
        assertThat(page.<String> getList("data.basis")).containsExactly("CHARGER_RATE");
        assertThat(page.getString("data[0].attribution.vehicleId")).isEqualTo(h.vehicleId());
        assertThat(page.getString("data[0].crossCheck.sessionIds[0]")).isNotNull();
        given().auth().oauth2(token).get("/statistics/charging/sessions/s1").then().statusCode(404);
        double day = Sessions.buckets(token, "type=vehicle&id=" + h.vehicleId()
                + "&startDate=2026-11-24&endDate=2026-11-25").getDouble("[0].kwhSum");
        assertThat(day).isCloseTo(14.4, within(0.3)).isNotEqualTo(14.4);

        // docs/adr/0012: the charger's own estimate is what it measured too; withheld, the car's estimate counts
        String chargerEstimate = page.getString("data[0].id");
        String carEstimate = page.getString("data[0].crossCheck.sessionIds[0]");
        double carKwh = page.getDouble("data[0].crossCheck.estimatedKwh");
        h.publishAndAwait(h.chargerScopes());
        assertThat(Sessions.list(token, "userId=" + h.userId()).<String> getList("data.id")).containsExactly(carEstimate);
        given().auth().oauth2(token).get("/statistics/charging/sessions/" + chargerEstimate).then().statusCode(404);
        given().auth().oauth2(token).get("/statistics/charging/sessions/" + carEstimate).then().statusCode(200)
                .body("supersededBy", org.hamcrest.Matchers.nullValue());
        assertThat(Sessions.buckets(token, "type=vehicle&id=" + h.vehicleId()
                + "&startDate=2026-11-24&endDate=2026-11-25").getDouble("[0].kwhSum")).isCloseTo(carKwh, within(0.002));
    }

    /** The first case's evening: the pair active, session s1 of two hours at 7.2 kW, the car unplugged. */
    private static List<PlugmateEvent> homeChargeOfThePairedCar(Household h) {
        List<PlugmateEvent> events = new ArrayList<>(List.of(h.activated(1, 0.8)));
        events.addAll(h.homeCharge("s1", 0, 120, 7.2));
        events.add(h.deactivated(121, "vehicle reported unplugged"));
        return events;
    }

    /** What a session says, without the ids that name the client (estimates' ids are derived from it). */
    private static List<String> comparable(String token, Household h) {
        return Sessions.of(token, h.userId()).stream().map(s -> {
            Map<String, Object> copy = new java.util.TreeMap<>(s);
            copy.remove("id");
            if (copy.get("crossCheck") instanceof Map<?, ?> check) {
                Map<Object, Object> c = new java.util.TreeMap<>(check);
                c.remove("sessionIds");
                copy.put("crossCheck", c);
            }
            return copy.toString();
        }).toList();
    }
}
