package io.plugmate.charger.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.charger.SeededChargers;
import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.events.CapabilitiesChanged;
import io.plugmate.events.Capability;
import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.events.Topics;
import io.plugmate.events.UnlockedBy;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;

/**
 * orchestration's capability-events on the Charger view: under unified controls a charger is started and stopped
 * through its ACTIVE pair's vehicle ({@code unlockedBy {pairId, vehicleId}}); a withdrawal shows the native value.
 */
@QuarkusTest
class CapabilityEventsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static CapabilitiesChanged event(ChargerEntity c, String clientId, Instant at, boolean unlocked) {
        Capability start = unlocked ? new Capability(true, List.of(), UnlockedBy.vehicle("pair-1", "vehicle-1"))
                : new Capability(false, List.of(), null);
        return new CapabilitiesChanged(UUID.randomUUID(), CapabilitiesChanged.SCHEMA_VERSION, clientId, c.userId, at,
                DeviceType.CHARGER, c.id.toString(), Map.of("startCharging", start));
    }

    private static void publish(CapabilitiesChanged event) {
        KafkaTestClient.send(Topics.CAPABILITY_EVENTS, event.deviceId(), EventJson.write(event));
    }

    private static JsonPath view(ChargerEntity c) {
        return given().auth().oauth2(Tokens.apiClient(c.clientId)).get("/chargers/" + c.id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static boolean unlocked(ChargerEntity c) {
        return view(c).get("capabilities.startCharging.unlockedBy") != null;
    }

    private static boolean processed(UUID eventId) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery("select count(*) from processed_event where event_id = :id")
                            .setParameter("id", eventId).getSingleResult())
                    .map(count -> ((Number) count).longValue() > 0)));
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aStartUnlockedThroughThePairsVehicleShowsUntilWithdrawn() {
        ChargerEntity c = SeededChargers.seed("client-" + UUID.randomUUID(), "alice");
        Instant now = Instant.now();

        publish(event(c, c.clientId, now, true));
        await().atMost(PATIENCE).until(() -> unlocked(c));
        JsonPath unlocked = view(c);
        assertThat(unlocked.getBoolean("capabilities.startCharging.isCapable")).isTrue();
        assertThat(unlocked.getList("capabilities.startCharging.interventionIds")).isEmpty();
        assertThat(unlocked.getMap("capabilities.startCharging.unlockedBy")).containsEntry("pairId", "pair-1")
                .containsEntry("vehicleId", "vehicle-1");
        // the seeded charger takes a current limit and knows its phases and voltage: a power limit is native
        assertThat(view(c).getBoolean("capabilities.setMaxPower.isCapable")).isTrue();

        publish(event(c, c.clientId, now.plusSeconds(5), false));
        await().atMost(PATIENCE).until(() -> !unlocked(c));
        assertThat(view(c).getBoolean("capabilities.startCharging.isCapable")).isTrue(); // native again
    }

    @Test
    void anOlderEventARedeliveryAndAnotherClientsEventChangeNothing() throws Throwable {
        ChargerEntity c = SeededChargers.seed("client-" + UUID.randomUUID(), "alice");
        Instant now = Instant.now();
        CapabilitiesChanged unlock = event(c, c.clientId, now, true);
        CapabilitiesChanged older = event(c, c.clientId, now.plusSeconds(2), true);
        CapabilitiesChanged foreign = event(c, "client-" + UUID.randomUUID(), now.plusSeconds(9), true);

        publish(unlock);
        publish(event(c, c.clientId, now.plusSeconds(5), false));
        publish(older);
        publish(unlock); // the same eventId again
        publish(foreign);

        await().atMost(PATIENCE).until(() -> processed(foreign.eventId()) && processed(older.eventId()));
        assertThat(unlocked(c)).isFalse();
    }

    @Test
    void aPoisonRecordGoesToTheDlqWithItsReason() {
        String key = "poison-" + UUID.randomUUID();
        try (var dlq = KafkaTestClient.reader(Topics.dlq(Topics.CAPABILITY_EVENTS))) {
            KafkaTestClient.send(Topics.CAPABILITY_EVENTS, key, "{\"type\":\"CapabilitiesChanged\",\"eventId\":\""
                    + UUID.randomUUID() + "\"}");

            await().atMost(PATIENCE).until(() -> dlq.poll().stream().anyMatch(r -> key.equals(r.key())));
            assertThat(dlq.poll().stream().filter(r -> key.equals(r.key())))
                    .allSatisfy(r -> assertThat(KafkaTestClient.header(r, Topics.DLQ_REASON_HEADER)).isNotBlank());
        }
    }
}
