package io.plugmate.pairing;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.pairing.domain.Ids;
import io.plugmate.testinfra.KafkaTestClient;

/**
 * One user of one API client as the device services would describe them on Kafka: a vehicle and a charger (more on
 * request), and events in event time counted from {@link #start}. Every test gets its own client, so nothing it
 * publishes or reads can meet another test's data.
 */
public record Household(String clientId, String userId, String vehicleId, String chargerId, Instant start) {

    public static Household fresh() {
        return new Household("client-" + UUID.randomUUID(), "user-" + UUID.randomUUID().toString().substring(0, 8),
                "veh-" + UUID.randomUUID(), "chg-" + UUID.randomUUID(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3)));
    }

    public String pairId() {
        return pairId(vehicleId, chargerId);
    }

    public String pairId(String vehicle, String charger) {
        return Ids.pairId(clientId, userId, vehicle, charger);
    }

    public Instant at(Duration sinceStart) {
        return start.plus(sinceStart);
    }

    public DeviceLinked linked(DeviceType type, String deviceId) {
        return new DeviceLinked(UUID.randomUUID(), 1, clientId, userId, start, type, deviceId, "TESLA",
                new DeviceCapabilities(true, true, true, type == DeviceType.VEHICLE));
    }

    public DeviceRemoved removed(DeviceType type, String deviceId, Duration at) {
        return new DeviceRemoved(UUID.randomUUID(), 1, clientId, userId, at(at), type, deviceId);
    }

    public VehicleStateObserved vehicle(Duration at, boolean plugged, boolean charging, double rateKw) {
        return vehicle(vehicleId, at, plugged, charging, rateKw);
    }

    public VehicleStateObserved vehicle(String vehicle, Duration at, boolean plugged, boolean charging, double rateKw) {
        return new VehicleStateObserved(UUID.randomUUID(), 1, clientId, userId, Instant.now(), vehicle, "TESLA",
                at(at), plugged, charging, rateKw, 55.0, null);
    }

    public ChargerStateObserved charger(Duration at, boolean plugged, boolean charging, double rateKw) {
        return charger(chargerId, at, plugged, charging, rateKw);
    }

    public ChargerStateObserved charger(String charger, Duration at, boolean plugged, boolean charging, double rateKw) {
        return new ChargerStateObserved(UUID.randomUUID(), 1, clientId, userId, Instant.now(), charger, "TESLA",
                at(at), plugged, charging, rateKw, 16.0);
    }

    /** A vehicle report produced (published by the device service) two seconds after it was measured. */
    public VehicleStateObserved vehicleProduced(Duration at, boolean plugged, boolean charging, double rateKw) {
        return new VehicleStateObserved(UUID.randomUUID(), 1, clientId, userId, at(at).plusSeconds(2), vehicleId,
                "TESLA", at(at), plugged, charging, rateKw, 55.0, null);
    }

    /** A charger report produced two seconds after it was measured. */
    public ChargerStateObserved chargerProduced(Duration at, boolean plugged, boolean charging, double rateKw) {
        return new ChargerStateObserved(UUID.randomUUID(), 1, clientId, userId, at(at).plusSeconds(2), chargerId,
                "TESLA", at(at), plugged, charging, rateKw, 16.0);
    }

    /** Both devices linked: the pair is established. */
    public void link() {
        publish(linked(DeviceType.VEHICLE, vehicleId));
        publish(linked(DeviceType.CHARGER, chargerId));
    }

    /**
     * Both report unplugged at minute 1 and plugged in at minute 10 (the charger 20 s later): convincing plug-in
     * timing on its own, so the pair activates once both plug-ins are in.
     */
    public void plugIn() {
        publish(vehicle(Duration.ofMinutes(1), false, false, 0));
        publish(charger(Duration.ofMinutes(1), false, false, 0));
        // plugged in and charging: timing alone never activates, the charge rates corroborate it
        publish(vehicle(Duration.ofMinutes(10), true, true, 10.1));
        publish(charger(Duration.ofMinutes(10).plusSeconds(20), true, true, 11.0));
        // the detector takes a topic's record once the other topic has shown something newer (ADR 0008)
        publish(vehicle(Duration.ofMinutes(11), true, true, 10.1));
    }

    public static void publish(PlugmateEvent event) {
        KafkaTestClient.send(topicOf(event), event.userId(), EventJson.write(event));
    }

    public static String topicOf(PlugmateEvent event) {
        return switch (event) {
            case VehicleStateObserved v -> Topics.VEHICLE_STATE;
            case ChargerStateObserved c -> Topics.CHARGER_STATE;
            default -> Topics.DEVICE_LIFECYCLE;
        };
    }
}
