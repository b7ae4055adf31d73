package io.plugmate.orchestration;

import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.CommandOutcome;
import io.plugmate.events.CommandResult;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceCommand;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceType;
import io.plugmate.events.ElectricalData;
import io.plugmate.events.EventJson;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairDeactivated;
import io.plugmate.events.PairEstablished;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;

/**
 * One API client's user with a vehicle and a charger, told to the service the way the other services tell it: events
 * on Kafka. Every test makes its own client, so tests never see each other's data.
 */
public final class Household {

    public static final DeviceCapabilities NO_CONTROLS = DeviceCapabilities.none();
    public static final DeviceCapabilities FULL = new DeviceCapabilities(true, true, true, true);
    public static final ElectricalData THREE_PHASE = new ElectricalData(3, 230.0, 6.0, 32.0);

    public final String clientId = "client-" + UUID.randomUUID();
    public final String userId = "user-1";
    public final String vehicleId = "veh-" + UUID.randomUUID();
    public final String chargerId = "chg-" + UUID.randomUUID();
    public final String pairId = "pair-" + UUID.randomUUID();
    /** The devices' clock: each report is measured a little later. */
    private Instant deviceClock = Instant.parse("2026-11-24T17:00:00Z");

    public String token() {
        return Tokens.apiClient(clientId);
    }

    /** A VOLTRA-like vehicle (no controls) and a three-phase charger with every control, both linked. */
    public static Household voltraWithWallbox() {
        return new Household().vehicle("VOLTRA", NO_CONTROLS).charger("TESLA", FULL, THREE_PHASE);
    }

    public Household vehicle(String vendor, DeviceCapabilities caps) {
        send(Topics.DEVICE_LIFECYCLE, new DeviceLinked(UUID.randomUUID(), 2, clientId, userId, Instant.now(),
                DeviceType.VEHICLE, vehicleId, vendor, caps, null));
        awaitDevice(vehicleId);
        return this;
    }

    public Household charger(String vendor, DeviceCapabilities caps, ElectricalData electrical) {
        send(Topics.DEVICE_LIFECYCLE, new DeviceLinked(UUID.randomUUID(), 2, clientId, userId, Instant.now(),
                DeviceType.CHARGER, chargerId, vendor, caps, electrical));
        awaitDevice(chargerId);
        return this;
    }

    public Household established() {
        send(Topics.PAIR_EVENTS, new PairEstablished(UUID.randomUUID(), 1, clientId, userId, Instant.now(), pairId,
                vehicleId, chargerId));
        awaitPair("INACTIVE");
        return this;
    }

    /** Established and activated: the vehicle is plugged into the charger as far as pairing knows. */
    public Household activated() {
        established();
        send(Topics.PAIR_EVENTS, new PairActivated(UUID.randomUUID(), 1, clientId, userId, Instant.now(), pairId,
                vehicleId, chargerId, 0.91, List.of()));
        awaitPair("ACTIVE");
        return this;
    }

    public Household deactivated(String reason) {
        send(Topics.PAIR_EVENTS, new PairDeactivated(UUID.randomUUID(), 1, clientId, userId, Instant.now(), pairId,
                vehicleId, chargerId, reason));
        awaitPair("INACTIVE");
        return this;
    }

    public void chargerReports(Boolean pluggedIn, Boolean charging, Double maxCurrentA) {
        deviceClock = deviceClock.plusSeconds(30);
        send(Topics.CHARGER_STATE, new ChargerStateObserved(UUID.randomUUID(), 1, clientId, userId, Instant.now(),
                chargerId, "TESLA", deviceClock, pluggedIn, charging, charging ? 7.2 : 0.0, maxCurrentA));
    }

    public void vehicleReports(Boolean pluggedIn, Boolean charging) {
        deviceClock = deviceClock.plusSeconds(30);
        send(Topics.VEHICLE_STATE, new VehicleStateObserved(UUID.randomUUID(), 1, clientId, userId, Instant.now(),
                vehicleId, "VOLTRA", deviceClock, pluggedIn, charging, null, 60.0, null));
    }

    /** What a device service says after the OEM answered the command. */
    public void result(DeviceCommand command, CommandOutcome outcome, String reason) {
        send(Topics.COMMAND_RESULTS, new CommandResult(UUID.randomUUID(), 1, clientId, userId, Instant.now(),
                command.commandId(), command.actionId(), command.deviceType(), command.deviceId(), outcome, reason));
    }

    /** Waits until the service has seen the device's latest report (so a following request knows it). */
    public void awaitReport(String deviceId, String column, String value) {
        await().atMost(Topic.PATIENCE).until(() -> Db.count("select count(*) from device where client_id = '"
                + clientId + "' and device_id = '" + deviceId + "' and " + column + " = " + value) == 1);
    }

    public static void send(String topic, PlugmateEvent event) {
        KafkaTestClient.send(topic, event.userId(), EventJson.write(event));
    }

    private void awaitDevice(String deviceId) {
        await().atMost(Topic.PATIENCE).until(() -> Db.count("select count(*) from device where client_id = '"
                + clientId + "' and device_id = '" + deviceId + "' and removed = false") == 1);
    }

    private void awaitPair(String state) {
        await().atMost(Topic.PATIENCE).until(() -> Db.count("select count(*) from pair where client_id = '" + clientId
                + "' and pair_id = '" + pairId + "' and state = '" + state + "'") == 1);
    }
}
