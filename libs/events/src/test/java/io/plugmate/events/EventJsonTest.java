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
                new PairAmbiguous(ID, 1, "acme", "u1", AT, "p1", "v1", "c1", List.of("p2", "p3")),
                new PairDeactivated(ID, 2, "acme", "u1", AT, "p1", "v1", "c1", "rejected by a person", true),
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
                        List.of(DeviceType.VEHICLE, DeviceType.CHARGER), "c2VhbGVk", AT.plusSeconds(3600)),
                // schema 2 fields (docs/adr/0009)
                new DeviceLinked(ID, 2, "acme", "u1", AT, DeviceType.CHARGER, "c1", "TESLA",
                        new DeviceCapabilities(true, true, true, false), new ElectricalData(3, 230.0, 6.0, 32.0)),
                new DeviceUpdated(ID, 2, "acme", "u1", AT, DeviceType.VEHICLE, "v1", "TESLA",
                        new DeviceCapabilities(true, true, false, true), null, false, "credential lapsed"),
                new VehicleStateObserved(ID, 2, "acme", "u1", AT, "v1", "AMPERIA", AT, true, true, 7.1, 63.5, null,
                        16.0),
                new ActionUpdated(ID, 2, "acme", "u1", AT, action, DeviceType.VEHICLE, "v1", CommandKind.START,
                        ActionState.PENDING, null, new PairedDevice("p1", DeviceType.CHARGER, "c1")),
                new CapabilitiesChanged(ID, 2, "acme", "u1", AT, DeviceType.CHARGER, "c1",
                        Map.of("startCharging", new Capability(true, List.of(), UnlockedBy.vehicle("p1", "v1")))),
                // docs/adr/0011
                new OemAccountLinked(ID, 2, "acme", "u1", AT, "a1", "TESLA", "acct-tesla-1",
                        List.of(DeviceType.CHARGER), "c2VhbGVk", AT.plusSeconds(3600), true),
                new UserDeleted(ID, 1, "acme", "u1", AT),
                // docs/adr/0012: the scopes granted for the account; 0011: a charger-only grant let go
                new OemAccountLinked(ID, 3, "acme", "u1", AT, "a1", "TESLA", "acct-tesla-1",
                        List.of(DeviceType.CHARGER), "c2VhbGVk", AT.plusSeconds(3600), false,
                        List.of("charger:read:data", "charger:control:charging")),
                // docs/adr/0012: the scopes granted for a charger (none at all is an empty list, not unknown)
                new DeviceLinked(ID, 3, "acme", "u1", AT, DeviceType.CHARGER, "c1", "TESLA",
                        DeviceCapabilities.none(), null, List.of("charger:read:data")),
                new DeviceUpdated(ID, 3, "acme", "u1", AT, DeviceType.CHARGER, "c1", "TESLA",
                        DeviceCapabilities.none(), null, true, null, List.of()),
                new OemAccountReleased(ID, 1, "acme", "u1", AT, "a1", "TESLA", DeviceType.CHARGER));
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
    void schemaOneEventsReadWithTheNewFieldsUnknown() {
        String linked = """
                {"type":"DeviceLinked","eventId":"%s","schemaVersion":1,"clientId":"acme","userId":"u1",
                 "occurredAt":"2026-11-24T10:15:30Z","deviceType":"charger","deviceId":"c1","vendor":"ZAPLINE",
                 "capabilities":{"startCharging":true,"stopCharging":true,"setMaxCurrent":true,"location":false}}
                """.formatted(ID);
        String updated = linked.replace("DeviceLinked", "DeviceUpdated");
        String observed = """
                {"type":"VehicleStateObserved","eventId":"%s","schemaVersion":1,"clientId":"acme","userId":"u1",
                 "occurredAt":"2026-11-24T10:15:30Z","vehicleId":"v1","vendor":"TESLA",
                 "observedAt":"2026-11-24T10:15:00Z","isPluggedIn":true,"isCharging":false}
                """.formatted(ID);
        String unlocked = """
                {"type":"CapabilitiesChanged","eventId":"%s","schemaVersion":1,"clientId":"acme","userId":"u1",
                 "occurredAt":"2026-11-24T10:15:30Z","deviceType":"vehicle","deviceId":"v1",
                 "capabilities":{"startCharging":{"isCapable":true,"interventionIds":[],
                   "unlockedBy":{"pairId":"p1","chargerId":"c1"}}}}
                """.formatted(ID);

        assertThat(EventJson.read(linked, DeviceLinked.class).electrical()).isNull();
        DeviceUpdated read = EventJson.read(updated, DeviceUpdated.class);
        assertThat(read.electrical()).isNull();
        assertThat(read.isReachable()).isNull();
        assertThat(read.capabilities().setMaxCurrent()).isTrue();
        assertThat(EventJson.read(observed, VehicleStateObserved.class).maxCurrentA()).isNull();
        assertThat(EventJson.read(unlocked, CapabilitiesChanged.class).capabilities().get("startCharging").unlockedBy())
                .isEqualTo(new UnlockedBy("p1", "c1", null));
    }

    @Test
    void anAccountAnnouncedBeforeSchemaThreeReadsWithItsScopesUnknown() throws Exception {
        String schemaTwo = """
                {"type":"OemAccountLinked","eventId":"%s","schemaVersion":2,"clientId":"acme","userId":"u1",
                 "occurredAt":"2026-11-24T10:15:30Z","accountId":"a1","vendor":"TESLA","oemAccountId":"acct-1",
                 "deviceTypes":["charger"],"sealedAccessToken":"c2VhbGVk",
                 "accessTokenExpiresAt":"2026-11-24T11:15:30Z","linkedByUser":true}
                """.formatted(ID);
        JsonNode schemaThree = EventJson.mapper().readTree(EventJson.write(new OemAccountLinked(ID, 3, "acme", "u1",
                AT, "a1", "TESLA", "acct-1", List.of(DeviceType.CHARGER), "c2VhbGVk", AT, false,
                List.of("charger:read:data"))));

        OemAccountLinked read = EventJson.read(schemaTwo, OemAccountLinked.class);
        assertThat(read.scopes()).isNull();
        assertThat(read.explicitLink()).isTrue();
        assertThat(schemaThree.get("scopes").get(0).asText()).isEqualTo("charger:read:data");
    }

    @Test
    void aChargerAnnouncedBeforeSchemaThreeReadsWithItsScopesUnknown() throws Exception {
        String schemaTwo = """
                {"type":"DeviceUpdated","eventId":"%s","schemaVersion":2,"clientId":"acme","userId":"u1",
                 "occurredAt":"2026-11-24T10:15:30Z","deviceType":"charger","deviceId":"c1","vendor":"TESLA",
                 "capabilities":{"startCharging":true,"stopCharging":true,"setMaxCurrent":true,"location":false},
                 "electrical":null,"isReachable":true,"unreachableReason":null}
                """.formatted(ID);
        JsonNode linked = EventJson.mapper().readTree(EventJson.write(new DeviceLinked(ID, DeviceLinked.SCHEMA_VERSION,
                "acme", "u1", AT, DeviceType.CHARGER, "c1", "TESLA", DeviceCapabilities.none(), null,
                List.of("charger:control:charging", "charger:read:data"))));
        JsonNode none = EventJson.mapper().readTree(EventJson.write(new DeviceUpdated(ID, DeviceUpdated.SCHEMA_VERSION,
                "acme", "u1", AT, DeviceType.CHARGER, "c1", "TESLA", DeviceCapabilities.none(), null, true, null,
                List.of())));

        assertThat(EventJson.read(schemaTwo, DeviceUpdated.class).scopes()).isNull();
        assertThat(EventJson.read(schemaTwo.replace("DeviceUpdated", "DeviceLinked"), DeviceLinked.class).scopes())
                .isNull();
        assertThat(linked.get("schemaVersion").asInt()).isEqualTo(3);
        assertThat(linked.get("scopes").get(1).asText()).isEqualTo("charger:read:data");
        assertThat(none.get("scopes").isArray()).isTrue();
        assertThat(EventJson.read(none.toString(), DeviceUpdated.class).scopes()).isEmpty();
        assertThat(new DeviceUpdated(ID, 2, "acme", "u1", AT, DeviceType.CHARGER, "c1", "TESLA",
                DeviceCapabilities.none(), null, true, null).scopes()).isNull();
    }

    @Test
    void schemaTwoFieldsUseTheirContractNames() throws Exception {
        JsonNode linked = EventJson.mapper().readTree(EventJson.write(new DeviceLinked(ID, 2, "acme", "u1", AT,
                DeviceType.CHARGER, "c1", "TESLA", DeviceCapabilities.none(), new ElectricalData(3, 230.0, 6.0, 32.0))));
        JsonNode updated = EventJson.mapper().readTree(EventJson.write(new DeviceUpdated(ID, 2, "acme", "u1", AT,
                DeviceType.CHARGER, "c1", "TESLA", DeviceCapabilities.none(), null, false, "credential lapsed")));
        JsonNode action = EventJson.mapper().readTree(EventJson.write(new ActionUpdated(ID, 2, "acme", "u1", AT,
                ID, DeviceType.CHARGER, "c1", CommandKind.STOP, ActionState.CONFIRMED, null,
                new PairedDevice("p1", DeviceType.VEHICLE, "v1"))));

        assertThat(linked.get("electrical").get("phases").asInt()).isEqualTo(3);
        assertThat(linked.get("electrical").get("voltageV").asDouble()).isEqualTo(230.0);
        assertThat(linked.get("electrical").get("minCurrentA").asDouble()).isEqualTo(6.0);
        assertThat(linked.get("electrical").get("maxCurrentA").asDouble()).isEqualTo(32.0);
        assertThat(updated.get("isReachable").asBoolean()).isFalse();
        assertThat(updated.get("unreachableReason").asText()).isEqualTo("credential lapsed");
        assertThat(updated.get("electrical").isNull()).isTrue();
        assertThat(action.get("pairedDevice").get("deviceType").asText()).isEqualTo("vehicle");
        assertThat(action.get("pairedDevice").get("pairId").asText()).isEqualTo("p1");
    }

    @Test
    void theSchemaOneConstructorsLeaveTheNewFieldsUnknown() {
        var linked = new DeviceLinked(ID, 1, "acme", "u1", AT, DeviceType.VEHICLE, "v1", "TESLA",
                DeviceCapabilities.none());
        var observed = new VehicleStateObserved(ID, 1, "acme", "u1", AT, "v1", "TESLA", AT, true, true, 7.1, 60.0,
                null);
        var unlocked = new UnlockedBy("p1", "c1");

        assertThat(linked.electrical()).isNull();
        assertThat(observed.maxCurrentA()).isNull();
        assertThat(unlocked.vehicleId()).isNull();
        assertThat(UnlockedBy.vehicle("p1", "v1")).isEqualTo(new UnlockedBy("p1", null, "v1"));
    }

    @Test
    void powerConvertsOnlyWithPositivePhasesAndVoltage() {
        assertThat(new ElectricalData(3, 230.0, null, null).convertsPower()).isTrue();
        assertThat(new ElectricalData(null, 230.0, 6.0, 32.0).convertsPower()).isFalse();
        assertThat(new ElectricalData(1, null, 6.0, 32.0).convertsPower()).isFalse();
        assertThat(new ElectricalData(0, 230.0, 6.0, 32.0).convertsPower()).isFalse();
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
    void anAmbiguousPairWithoutCandidatesReadsAsAnEmptyList() {
        String json = """
                {"type":"PairAmbiguous","eventId":"%s","schemaVersion":1,"clientId":"acme","userId":"u1",
                 "occurredAt":"2026-11-24T10:15:30Z","pairId":"p1","vehicleId":"v1","chargerId":"c1"}
                """.formatted(ID);

        PairEvent event = EventJson.read(json, PairEvent.class);

        assertThat(event).isInstanceOfSatisfying(PairAmbiguous.class, a -> assertThat(a.candidates()).isEmpty());
    }

    @Test
    void aSchemaOneDeactivationReadsWithWithdrawnUnknown() {
        String json = """
                {"type":"PairDeactivated","eventId":"%s","schemaVersion":1,"clientId":"acme","userId":"u1",
                 "occurredAt":"2026-11-24T10:15:30Z","pairId":"p1","vehicleId":"v1","chargerId":"c1",
                 "reason":"vehicle reported unplugged"}
                """.formatted(ID);

        PairEvent event = EventJson.read(json, PairEvent.class);

        assertThat(event).isInstanceOfSatisfying(PairDeactivated.class, d -> {
            assertThat(d.withdrawn()).isNull();
            assertThat(d.reason()).isEqualTo("vehicle reported unplugged");
        });
    }

    @Test
    void aPairEventsConsumerWrittenBeforePairAmbiguousStillReadsTheOldTypes() {
        // the four types that existed before stay readable as PairEvent exactly as they were written
        for (PlugmateEvent event : oneOfEachType().filter(PairEvent.class::isInstance)
                .filter(e -> !(e instanceof PairAmbiguous)).toList()) {
            assertThat(EventJson.read(EventJson.write(event), PairEvent.class)).isEqualTo(event);
        }
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
