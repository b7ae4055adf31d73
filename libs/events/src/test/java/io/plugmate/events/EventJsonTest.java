package io.plugmate.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

class EventJsonTest {

    private static final Instant AT = Instant.parse("2026-11-24T10:15:30Z");
    private static final UUID ID = UUID.fromString("7d1f0f5e-8a63-4c3c-9a4b-2f1d6f0c9e11");

    static Stream<PlugmateEvent> oneOfEachType() {
        UUID action = UUID.randomUUID();
        return Stream.of(
                new DeviceLinked(ID, 1, "acme", "u1", AT, DeviceType.VEHICLE, "v1", "TESLA",
                        new DeviceCapabilities(true, true, false, true)),
                new DeviceUpdated(ID, 1, "acme", "u1", AT, DeviceType.CHARGER, "c1", "ZAPTEC",
                        DeviceCapabilities.none()),
                new DeviceRemoved(ID, 1, "acme", "u1", AT, DeviceType.CHARGER, "c1"),
                new VehicleStateObserved(ID, 1, "acme", "u1", AT, "v1", "TESLA", AT.minusSeconds(40), true, true, 7.1,
                        63.5, new GeoLocation(59.91, 10.75)),
                new ChargerStateObserved(ID, 1, "acme", "u1", AT, "c1", "ZAPTEC", AT, true, true, 7.4, 32.0),
                new PairEstablished(ID, 1, "acme", "u1", AT, "p1", "v1", "c1"),
                new PairActivated(ID, 1, "acme", "u1", AT, "p1", "v1", "c1", 0.97,
                        List.of(new Evidence("plugInTiming", "both plugged within 40 s", 0.6))),
                new PairDeactivated(ID, 1, "acme", "u1", AT, "p1", "v1", "c1", "VEHICLE_UNPLUGGED"),
                new PairDissolved(ID, 1, "acme", "u1", AT, "p1", "v1", "c1", "CHARGER_REMOVED"),
                new DeviceCommand(ID, 1, "acme", "u1", AT, UUID.randomUUID(), action, DeviceType.CHARGER, "c1",
                        CommandKind.SET_MAX_CURRENT, 16.0, null, AT.plusSeconds(300)),
                new CommandResult(ID, 1, "acme", "u1", AT, UUID.randomUUID(), action, DeviceType.CHARGER, "c1",
                        CommandOutcome.REJECTED, "charger offline"),
                new ActionUpdated(ID, 1, "acme", "u1", AT, action, DeviceType.VEHICLE, "v1", CommandKind.START,
                        ActionState.FAILED, new FailureReason("NO_RESPONSE", "no state change before deadline")),
                new CapabilitiesChanged(ID, 1, "acme", "u1", AT, DeviceType.VEHICLE, "v1",
                        Map.of("startCharging", new Capability(true, List.of(), new UnlockedBy("p1", "c1")))),
                new ChargerSessionRecorded(ID, 1, "acme", "u1", AT, "s1", "c1", "ZAPTEC", AT.minusSeconds(3600), AT,
                        1200.5, 1211.25),
                new ClientFeaturesChanged(ID, 1, "acme", null, AT, Map.of("capability-unlocking", false)),
                new OemAccountLinked(ID, 1, "acme", "u1", AT, "a1", "TESLA", "acct-tesla-1",
                        List.of(DeviceType.VEHICLE, DeviceType.CHARGER), "c2VhbGVk", AT.plusSeconds(3600)));
    }

    @ParameterizedTest
    @MethodSource("oneOfEachType")
    void everyEventSurvivesARoundTrip(PlugmateEvent event) {
        String json = EventJson.write(event);

        assertThat(EventJson.read(json, PlugmateEvent.class)).isEqualTo(event);
        assertThat(json).contains("\"type\":\"" + event.getClass().getSimpleName() + "\"");
    }

    @ParameterizedTest
    @MethodSource("oneOfEachType")
    void everyEventCarriesTheCommonFields(PlugmateEvent event) throws Exception {
        JsonNode tree = EventJson.mapper().readTree(EventJson.write(event));

        assertThat(tree.fieldNames()).toIterable()
                .contains("eventId", "type", "schemaVersion", "clientId", "userId", "occurredAt");
        assertThat(tree.get("occurredAt").asText()).isEqualTo("2026-11-24T10:15:30Z");
    }

    @Test
    void usesTheContractFieldNames() throws Exception {
        JsonNode tree = EventJson.mapper().readTree(EventJson.write(oneOfEachType()
                .filter(VehicleStateObserved.class::isInstance).findFirst().orElseThrow()));

        assertThat(tree.get("isPluggedIn").asBoolean()).isTrue();
        assertThat(tree.get("isCharging").asBoolean()).isTrue();
        assertThat(tree.get("chargeRateKw").asDouble()).isEqualTo(7.1);
        assertThat(tree.get("location").get("latitude").asDouble()).isEqualTo(59.91);
        assertThat(tree.get("observedAt").asText()).isEqualTo("2026-11-24T10:14:50Z");
    }

    @Test
    void deviceTypeIsWrittenInLowerCase() throws Exception {
        JsonNode tree = EventJson.mapper().readTree(
                EventJson.write(new DeviceRemoved(ID, 1, "acme", "u1", AT, DeviceType.VEHICLE, "v1")));

        assertThat(tree.get("deviceType").asText()).isEqualTo("vehicle");
    }

    @Test
    void unknownFieldsAreIgnored() throws Exception {
        ObjectNode tree = (ObjectNode) EventJson.mapper().readTree(EventJson.write(
                new PairEstablished(ID, 1, "acme", "u1", AT, "p1", "v1", "c1")));
        tree.put("addedInSchemaVersion2", "whatever").putObject("nested").put("x", 1);

        PairEstablished read = EventJson.read(tree.toString(), PairEstablished.class);

        assertThat(read.pairId()).isEqualTo("p1");
    }

    @Test
    void nullStateFieldsMeanUnknownAndStayNull() {
        var event = new VehicleStateObserved(ID, 1, "acme", "u1", AT, "v1", "SLEEPY", AT, null, null, null, null,
                null);

        String json = EventJson.write(event);
        VehicleStateObserved read = EventJson.read(json, VehicleStateObserved.class);

        assertThat(json).contains("\"isPluggedIn\":null", "\"location\":null");
        assertThat(read.isPluggedIn()).isNull();
        assertThat(read.chargeRateKw()).isNull();
        assertThat(read).isEqualTo(event);
    }

    @Test
    void absentCollectionsBecomeEmpty() {
        String json = """
                {"type":"PairActivated","eventId":"%s","schemaVersion":1,"clientId":"acme","userId":"u1",
                 "occurredAt":"2026-11-24T10:15:30Z","pairId":"p1","vehicleId":"v1","chargerId":"c1","confidence":0.9}
                """.formatted(ID);

        assertThat(EventJson.read(json, PairActivated.class).evidence()).isEmpty();
    }

    @Test
    void chargerSessionEnergyIsMeterStopMinusMeterStart() {
        var session = new ChargerSessionRecorded(ID, 1, "acme", "u1", AT, "s1", "c1", "ZAPTEC", AT, AT, 10.0, 17.5);

        assertThat(session.energyKwh()).isEqualTo(7.5);
        assertThat(new ChargerSessionRecorded(ID, 1, "acme", "u1", AT, "s1", "c1", "Z", AT, AT, null, 17.5)
                .energyKwh()).isNull();
    }

    @Test
    void unknownTypeIsRejectedWithAReason() {
        String json = """
                {"type":"SomethingNew","eventId":"%s","clientId":"acme","occurredAt":"2026-11-24T10:15:30Z"}
                """.formatted(ID);

        assertThatThrownBy(() -> EventJson.read(json, PlugmateEvent.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("SomethingNew");
    }

    @Test
    void malformedJsonIsRejected() {
        assertThatThrownBy(() -> EventJson.read("{not json", PlugmateEvent.class))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void missingTypeIsRejected() {
        assertThatThrownBy(() -> EventJson.read("{\"eventId\":\"%s\"}".formatted(ID), PlugmateEvent.class))
                .isInstanceOf(InvalidEventException.class);
    }

    @Test
    void anEventWithoutTenantOrIdIsRejected() {
        String noClient = """
                {"type":"DeviceRemoved","eventId":"%s","schemaVersion":1,"userId":"u1",
                 "occurredAt":"2026-11-24T10:15:30Z","deviceType":"vehicle","deviceId":"v1"}
                """.formatted(ID);
        String noId = """
                {"type":"DeviceRemoved","schemaVersion":1,"clientId":"acme","userId":"u1",
                 "occurredAt":"2026-11-24T10:15:30Z","deviceType":"vehicle","deviceId":"v1"}
                """;

        assertThatThrownBy(() -> EventJson.read(noClient, DeviceRemoved.class)).hasMessageContaining("clientId");
        assertThatThrownBy(() -> EventJson.read(noId, DeviceRemoved.class)).hasMessageContaining("eventId");
    }

    @Test
    void aValidEventOfTheWrongTypeIsRejected() {
        String json = EventJson.write(new PairEstablished(ID, 1, "acme", "u1", AT, "p1", "v1", "c1"));

        assertThatThrownBy(() -> EventJson.read(json, DeviceLifecycleEvent.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("PairEstablished");
    }

    @Test
    void readsIntoTheTopicLevelInterface() {
        String json = EventJson.write(new DeviceRemoved(ID, 1, "acme", "u1", AT, DeviceType.CHARGER, "c1"));

        DeviceLifecycleEvent event = EventJson.read(json, DeviceLifecycleEvent.class);

        assertThat(event.deviceType()).isEqualTo(DeviceType.CHARGER);
        assertThat(event.deviceId()).isEqualTo("c1");
    }
}
