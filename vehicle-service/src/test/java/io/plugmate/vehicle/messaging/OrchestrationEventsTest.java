package io.plugmate.vehicle.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.events.ActionState;
import io.plugmate.events.ActionUpdated;
import io.plugmate.events.CapabilitiesChanged;
import io.plugmate.events.Capability;
import io.plugmate.events.CommandKind;
import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.events.PairedDevice;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.events.UnlockedBy;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.plugmate.vehicle.SeededVehicles;
import io.plugmate.vehicle.oem.Observations;
import io.plugmate.vehicle.oem.VehicleReport;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;

/** What orchestration tells vehicle-service (capability-events, action-events) and what it needs from it. */
@QuarkusTest
class OrchestrationEventsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Observations observations;

    private static void publish(String topic, String key, PlugmateEvent event) {
        KafkaTestClient.send(topic, key, EventJson.write(event));
    }

    private static JsonPath view(VehicleEntity v) {
        return given().auth().oauth2(Tokens.apiClient(v.clientId)).get("/vehicles/" + v.id).then().statusCode(200)
                .extract().jsonPath();
    }

    /** The seeded vehicle cannot set its current: orchestration offers it (and power) through the pair, or not. */
    private static CapabilitiesChanged capabilities(VehicleEntity v, String clientId, Instant at, boolean unlocked) {
        UnlockedBy by = UnlockedBy.charger("pair-1", "charger-1");
        Capability current = unlocked ? new Capability(true, java.util.List.of(), by)
                : new Capability(false, java.util.List.of(), null);
        return new CapabilitiesChanged(UUID.randomUUID(), CapabilitiesChanged.SCHEMA_VERSION, clientId, v.userId, at,
                DeviceType.VEHICLE, v.id.toString(), Map.of("startCharging",
                        new Capability(true, java.util.List.of(), null), "setMaxCurrent", current, "setMaxPower",
                        current));
    }

    private static ActionUpdated action(VehicleEntity v, CommandKind kind, ActionState state, Instant at,
            boolean throughCharger) {
        PairedDevice vehicle = new PairedDevice("pair-9", DeviceType.VEHICLE, v.id.toString());
        return throughCharger
                ? new ActionUpdated(UUID.randomUUID(), ActionUpdated.SCHEMA_VERSION, v.clientId, v.userId, at,
                        UUID.randomUUID(), DeviceType.CHARGER, "charger-9", kind, state, null, vehicle)
                : new ActionUpdated(UUID.randomUUID(), ActionUpdated.SCHEMA_VERSION, v.clientId, v.userId, at,
                        UUID.randomUUID(), DeviceType.VEHICLE, v.id.toString(), kind, state, null);
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
    void aCapabilityUnlockedThroughThePairShowsOnTheViewUntilWithdrawn() {
        VehicleEntity v = SeededVehicles.seed("client-" + UUID.randomUUID(), "alice");
        Instant now = Instant.now();

        publish(Topics.CAPABILITY_EVENTS, v.id.toString(), capabilities(v, v.clientId, now, true));
        await().atMost(PATIENCE).until(() -> view(v).getBoolean("capabilities.setMaxCurrent.isCapable"));
        JsonPath unlocked = view(v);
        assertThat(unlocked.getMap("capabilities.setMaxCurrent.unlockedBy")).containsEntry("pairId", "pair-1")
                .containsEntry("chargerId", "charger-1");
        assertThat(unlocked.getList("capabilities.setMaxCurrent.interventionIds")).isEmpty();
        assertThat(unlocked.getBoolean("capabilities.setMaxPower.isCapable")).isTrue();
        // native ones stay the vehicle's own, without unlockedBy
        assertThat(unlocked.getMap("capabilities.startCharging.unlockedBy")).isNull();

        publish(Topics.CAPABILITY_EVENTS, v.id.toString(), capabilities(v, v.clientId, now.plusSeconds(5), false));
        await().atMost(PATIENCE).until(() -> !view(v).getBoolean("capabilities.setMaxCurrent.isCapable"));
        assertThat(view(v).getMap("capabilities.setMaxCurrent.unlockedBy")).isNull();
        assertThat(view(v).getBoolean("capabilities.setMaxPower.isCapable")).isFalse();
    }

    @Test
    void anOlderCapabilityEventAfterANewerOneAndARedeliveryChangeNothing() throws Throwable {
        VehicleEntity v = SeededVehicles.seed("client-" + UUID.randomUUID(), "alice");
        Instant now = Instant.now();
        CapabilitiesChanged unlock = capabilities(v, v.clientId, now, true);
        publish(Topics.CAPABILITY_EVENTS, v.id.toString(), unlock);
        publish(Topics.CAPABILITY_EVENTS, v.id.toString(), capabilities(v, v.clientId, now.plusSeconds(5), false));
        CapabilitiesChanged older = capabilities(v, v.clientId, now.plusSeconds(2), true);
        publish(Topics.CAPABILITY_EVENTS, v.id.toString(), older);
        publish(Topics.CAPABILITY_EVENTS, v.id.toString(), unlock); // the same eventId again

        await().atMost(PATIENCE).until(() -> processed(older.eventId()));
        assertThat(view(v).getBoolean("capabilities.setMaxCurrent.isCapable")).isFalse();
        assertThat(SeededVehicles.reload(v.id).capabilitiesChangedAt)
                .isEqualTo(now.plusSeconds(5).truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void anotherClientsCapabilityEventAndAChargersChangeNothing() throws Throwable {
        VehicleEntity v = SeededVehicles.seed("client-" + UUID.randomUUID(), "alice");
        CapabilitiesChanged foreign = capabilities(v, "client-" + UUID.randomUUID(), Instant.now(), true);
        CapabilitiesChanged base = capabilities(v, v.clientId, Instant.now(), true);
        CapabilitiesChanged charger = new CapabilitiesChanged(UUID.randomUUID(), base.schemaVersion(), v.clientId,
                v.userId, base.occurredAt(), DeviceType.CHARGER, v.id.toString(), base.capabilities());

        publish(Topics.CAPABILITY_EVENTS, v.id.toString(), foreign);
        publish(Topics.CAPABILITY_EVENTS, v.id.toString(), charger);

        await().atMost(PATIENCE).until(() -> processed(foreign.eventId()) && processed(charger.eventId()));
        assertThat(view(v).getBoolean("capabilities.setMaxCurrent.isCapable")).isFalse();
    }

    @Test
    void poisonCapabilityAndActionRecordsGoToTheirDlqsWithTheReason() {
        String key = "poison-" + UUID.randomUUID();
        try (var capabilities = KafkaTestClient.reader(Topics.dlq(Topics.CAPABILITY_EVENTS));
                var actions = KafkaTestClient.reader(Topics.dlq(Topics.ACTION_EVENTS))) {
            KafkaTestClient.send(Topics.CAPABILITY_EVENTS, key, "{not json");
            KafkaTestClient.send(Topics.ACTION_EVENTS, key, "{\"type\":\"ActionUpdated\",\"eventId\":\""
                    + UUID.randomUUID() + "\",\"occurredAt\":\"2026-11-24T10:00:00Z\"}");

            await().atMost(PATIENCE).until(() -> capabilities.poll().stream().anyMatch(r -> key.equals(r.key()))
                    && actions.poll().stream().anyMatch(r -> key.equals(r.key())));
            assertThat(capabilities.poll().stream().filter(r -> key.equals(r.key())))
                    .allSatisfy(r -> assertThat(KafkaTestClient.header(r, Topics.DLQ_REASON_HEADER)).isNotBlank());
            assertThat(actions.poll().stream().filter(r -> key.equals(r.key())))
                    .allSatisfy(r -> assertThat(KafkaTestClient.header(r, Topics.DLQ_REASON_HEADER)).isNotBlank());
        }
    }

    @Test
    void aConfirmedStopOnThePairedChargerShowsOnTheVehicleUntilItsNextReport() throws Throwable {
        VehicleEntity v = SeededVehicles.seed("client-" + UUID.randomUUID(), "alice"); // charging
        ActionUpdated stop = action(v, CommandKind.STOP, ActionState.CONFIRMED, Instant.now(), true);

        publish(Topics.ACTION_EVENTS, "charger-9", stop);
        await().atMost(PATIENCE)
                .until(() -> "PLUGGED_IN:STOPPED".equals(view(v).getString("chargeState.powerDeliveryState")));
        assertThat(view(v).getMap("chargeState.lastAction")).isEqualTo(Map.of("id", stop.actionId().toString(),
                "kind", "STOP", "state", "CONFIRMED", "pairId", "pair-9"));

        // the vehicle's own report, measured later, wins; a redelivery of the stop changes nothing after it
        report(v, true);
        assertThat(view(v).getString("chargeState.powerDeliveryState")).isEqualTo("PLUGGED_IN:CHARGING");
        publish(Topics.ACTION_EVENTS, "charger-9", stop);
        ActionUpdated marker = action(v, CommandKind.START, ActionState.PENDING, Instant.now(), false);
        publish(Topics.ACTION_EVENTS, "charger-9", marker);
        await().atMost(PATIENCE).until(() -> processed(marker.eventId()));
        assertThat(view(v).getString("chargeState.powerDeliveryState")).isEqualTo("PLUGGED_IN:CHARGING");
    }

    @Test
    void pendingFailedAndCancelledActionsChangeOnlyTheLastAction() throws Throwable {
        VehicleEntity v = SeededVehicles.seed("client-" + UUID.randomUUID(), "alice"); // charging
        Instant now = Instant.now();
        ActionUpdated pending = action(v, CommandKind.STOP, ActionState.PENDING, now, false);
        ActionUpdated failed = action(v, CommandKind.STOP, ActionState.FAILED, now.plusSeconds(1), false);
        ActionUpdated cancelled = action(v, CommandKind.STOP, ActionState.CANCELLED, now.plusSeconds(2), false);

        for (ActionUpdated event : java.util.List.of(pending, failed, cancelled)) {
            publish(Topics.ACTION_EVENTS, v.id.toString(), event);
            await().atMost(PATIENCE).until(() -> processed(event.eventId()));
            assertThat(view(v).getString("chargeState.lastAction.state")).isEqualTo(event.state().name());
            assertThat(view(v).getString("chargeState.powerDeliveryState")).isEqualTo("PLUGGED_IN:CHARGING");
        }
        assertThat(view(v).getString("chargeState.lastAction.pairId")).isNull();
    }

    @Test
    void anotherClientsActionChangesNothing() throws Throwable {
        VehicleEntity v = SeededVehicles.seed("client-" + UUID.randomUUID(), "alice");
        ActionUpdated own = action(v, CommandKind.STOP, ActionState.CONFIRMED, Instant.now(), false);
        ActionUpdated foreign = new ActionUpdated(UUID.randomUUID(), own.schemaVersion(), "client-" + UUID.randomUUID(),
                v.userId, own.occurredAt(), own.actionId(), own.targetType(), own.targetId(), own.kind(), own.state(),
                null);

        publish(Topics.ACTION_EVENTS, v.id.toString(), foreign);
        await().atMost(PATIENCE).until(() -> processed(foreign.eventId()));
        assertThat(view(v).getString("chargeState.powerDeliveryState")).isEqualTo("PLUGGED_IN:CHARGING");
        assertThat(view(v).getMap("chargeState.lastAction")).isNull();
    }

    @Test
    void aReportedCurrentLimitIsPublishedSoThatOrchestrationCanConfirmIt() throws Throwable {
        VehicleEntity v = SeededVehicles.seed("client-" + UUID.randomUUID(), "alice");
        try (var states = KafkaTestClient.reader(Topics.VEHICLE_STATE)) {
            report(v, true, 16.0);

            await().atMost(PATIENCE).until(() -> states.poll().stream()
                    .map(r -> EventJson.read(r.value(), VehicleStateObserved.class))
                    .anyMatch(e -> e.vehicleId().equals(v.id.toString()) && Double.valueOf(16.0).equals(e.maxCurrentA())));
        }
        assertThat(view(v).getDouble("chargeState.maxCurrent")).isEqualTo(16.0);
    }

    private void report(VehicleEntity v, boolean charging) throws Throwable {
        report(v, charging, null);
    }

    /** The vehicle's own report, measured a second from now. */
    private void report(VehicleEntity v, boolean charging, Double maxCurrentA) throws Throwable {
        VehicleReport report = new VehicleReport("r-" + UUID.randomUUID(), v.vendorVehicleId, v.vendor,
                Instant.now().plusSeconds(1), true, charging, 7.0, 60.0, null, null, maxCurrentA, null);
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> observations.apply(v.vendor, report)));
    }
}
