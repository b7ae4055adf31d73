package io.plugmate.orchestration.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.plugmate.events.CommandOutcome;
import io.plugmate.events.CommandResult;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.events.PairEstablished;
import io.plugmate.events.Topics;
import io.plugmate.orchestration.Db;
import io.plugmate.orchestration.Household;
import io.plugmate.orchestration.Topic;
import io.plugmate.testinfra.KafkaTestClient;
import io.quarkus.test.junit.QuarkusTest;

/** Idempotent on eventId; poison to the DLQ with its reason; transient failures retried in place, never dead-lettered. */
@QuarkusTest
class ReliabilityTest {

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        Household h = Household.voltraWithWallbox();
        var established = new PairEstablished(UUID.randomUUID(), 1, h.clientId, h.userId, Instant.now(), h.pairId,
                h.vehicleId, h.chargerId);
        // the impostor reuses the eventId with other content: a redelivery must change nothing
        var impostor = new PairEstablished(established.eventId(), 1, h.clientId, h.userId, Instant.now(),
                "other-pair", h.vehicleId, h.chargerId);

        Household.send(Topics.PAIR_EVENTS, established);
        Household.send(Topics.PAIR_EVENTS, impostor);
        Household.send(Topics.PAIR_EVENTS, new PairEstablished(UUID.randomUUID(), 1, h.clientId, h.userId,
                Instant.now(), "marker", h.vehicleId, h.chargerId));

        await().atMost(Topic.PATIENCE).until(() -> Db.count("select count(*) from pair where client_id = '"
                + h.clientId + "' and pair_id = 'marker'") == 1);
        assertThat(Db.count("select count(*) from pair where client_id = '" + h.clientId + "'")).isEqualTo(2);
        assertThat(Db.count("select count(*) from processed_event where event_id = '" + established.eventId()
                + "' and consumer = 'orchestration-service/pair-events'")).isEqualTo(1);
    }

    @Test
    void poisonRecordsGoToTheDlqWithTheirReasonAndThePartitionMovesOn() {
        Household h = Household.voltraWithWallbox();
        String key = h.userId + "-" + UUID.randomUUID();
        String noDevice = EventJson.write(new DeviceLinked(UUID.randomUUID(), 2, h.clientId, h.userId, Instant.now(),
                DeviceType.CHARGER, null, "TESLA", DeviceCapabilities.none(), null));
        String wrongType = EventJson.write(new PairEstablished(UUID.randomUUID(), 1, h.clientId, h.userId,
                Instant.now(), "p", "v", "c"));
        try (var dlq = KafkaTestClient.reader(Topics.dlq(Topics.DEVICE_LIFECYCLE))) {
            KafkaTestClient.send(Topics.DEVICE_LIFECYCLE, key, "{not json");
            KafkaTestClient.send(Topics.DEVICE_LIFECYCLE, key, noDevice);
            KafkaTestClient.send(Topics.DEVICE_LIFECYCLE, key, wrongType);
            String after = "chg-after-" + UUID.randomUUID();
            KafkaTestClient.send(Topics.DEVICE_LIFECYCLE, key, EventJson.write(new DeviceLinked(UUID.randomUUID(), 2,
                    h.clientId, h.userId, Instant.now(), DeviceType.CHARGER, after, "TESLA",
                    DeviceCapabilities.none(), null)));

            await().atMost(Topic.PATIENCE).until(() -> Db.count("select count(*) from device where device_id = '"
                    + after + "'") == 1);
            await().atMost(Topic.PATIENCE).until(() -> mine(dlq.poll(), key).size() == 3);
            assertThat(mine(dlq.poll(), key)).extracting(r -> KafkaTestClient.header(r, Topics.DLQ_REASON_HEADER))
                    .satisfiesExactly(
                            reason -> assertThat(reason).isNotBlank(),
                            reason -> assertThat(reason).isEqualTo("DeviceLinked without deviceType or deviceId"),
                            reason -> assertThat(reason).contains("expected DeviceLifecycleEvent but got "
                                    + "PairEstablished"));
            assertThat(mine(dlq.poll(), key)).allSatisfy(r -> assertThat(KafkaTestClient.header(r,
                    Topics.DLQ_SOURCE_TOPIC_HEADER)).isEqualTo(Topics.DEVICE_LIFECYCLE));
        }
    }

    @Test
    void aTransientFailureIsRetriedUntilItPassesAndNeverDeadLettered() {
        Household h = Household.voltraWithWallbox();
        try (var dlq = KafkaTestClient.reader(Topics.dlq(Topics.PAIR_EVENTS))) {
            // the database "fails" for a while: the pair table is missing
            Db.execute("alter table pair rename to pair_away");
            try {
                Household.send(Topics.PAIR_EVENTS, new PairEstablished(UUID.randomUUID(), 1, h.clientId, h.userId,
                        Instant.now(), h.pairId, h.vehicleId, h.chargerId));
                await().atMost(Topic.PATIENCE).until(() -> Db.count("select count(*) from processed_event where "
                        + "consumer = 'orchestration-service/device-lifecycle'") > 0);
                // several attempts fail meanwhile (each rolled back whole)
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                Db.execute("alter table pair_away rename to pair");
            }

            await().atMost(Topic.PATIENCE).until(() -> Db.count("select count(*) from pair where client_id = '"
                    + h.clientId + "'") == 1);
            assertThat(dlq.poll()).noneMatch(r -> r.value().contains(h.clientId));
        }
    }

    @Test
    void aResultNamingAnotherClientsActionChangesNothing() {
        Household h = Household.voltraWithWallbox().activated();
        String id = io.restassured.RestAssured.given().auth().oauth2(h.token()).contentType("application/json")
                .body("{\"action\":\"START\"}").post("/vehicles/" + h.vehicleId + "/charging").then()
                .statusCode(201).extract().path("id");
        var forged = new CommandResult(UUID.randomUUID(), 1, "client-" + UUID.randomUUID(), h.userId, Instant.now(),
                UUID.randomUUID(), UUID.fromString(id), DeviceType.CHARGER, h.chargerId, CommandOutcome.REJECTED,
                "not yours");

        Household.send(Topics.COMMAND_RESULTS, forged);

        await().atMost(Topic.PATIENCE).until(() -> Db.processed(forged.eventId()));
        io.restassured.RestAssured.given().auth().oauth2(h.token()).get("/actions/" + id).then()
                .body("state", org.hamcrest.Matchers.equalTo("PENDING"));
    }

    private static List<ConsumerRecord<String, String>> mine(List<ConsumerRecord<String, String>> records,
            String key) {
        return records.stream().filter(r -> key.equals(r.key())).toList();
    }
}
