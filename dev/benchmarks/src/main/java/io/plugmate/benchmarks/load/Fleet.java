package io.plugmate.benchmarks.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.events.VehicleStateObserved;

/**
 * Synthetic households of one API client, each one car and one wallbox, reporting in turn: the fleet's reports come
 * in pairs, pair j from household {@code j % households}, its car's report then its wallbox's (so a report waits for
 * the user's other topic (ADR 0008) no longer than one round of the fleet). A household is unplugged for
 * {@code phase} rounds, then plugged in and charging for as many, and so on: every cycle is one activation and one
 * deactivation for pairing-service. Event time ({@code observedAt},
 * {@code occurredAt}) is the report's intended send time, so a pair event's {@code occurredAt} says when the report
 * it was decided on was due to be sent.
 */
final class Fleet {

    static final String CLIENT = "bench-client";

    private final int households;
    private final int phase;
    private final List<String> vehicles = new ArrayList<>();
    private final List<String> chargers = new ArrayList<>();

    Fleet(int households, int phase) {
        this.households = households;
        this.phase = phase;
        for (int h = 0; h < households; h++) {
            vehicles.add(UUID.nameUUIDFromBytes(("bench-vehicle-" + h).getBytes()).toString());
            chargers.add(UUID.nameUUIDFromBytes(("bench-charger-" + h).getBytes()).toString());
        }
    }

    int households() {
        return households;
    }

    String vehicle(int household) {
        return vehicles.get(household);
    }

    String charger(int household) {
        return chargers.get(household);
    }

    /** The household of the fleet's i-th report. */
    int household(long i) {
        return (int) ((i / 2) % households);
    }

    /** The household's own report number of the fleet's i-th report: even for its car, odd for its wallbox. */
    long k(long i) {
        return 2 * ((i / 2) / households) + i % 2;
    }

    /** Is a household plugged in at its k-th report? */
    boolean plugged(long k) {
        return (k / 2) % (2L * phase) >= phase;
    }

    static String user(int household) {
        return "bench-user-%06d".formatted(household);
    }

    /** Both devices of every household, linked (pairing-service establishes one pair each). */
    List<ProducerRecord<String, String>> linked(Instant at) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int h = 0; h < households; h++) {
            records.add(record(Topics.DEVICE_LIFECYCLE, h, new DeviceLinked(UUID.randomUUID(),
                    DeviceLinked.SCHEMA_VERSION, CLIENT, user(h), at, DeviceType.VEHICLE, vehicles.get(h), "TESLA",
                    new DeviceCapabilities(true, true, true, false), null)));
            records.add(record(Topics.DEVICE_LIFECYCLE, h, new DeviceLinked(UUID.randomUUID(),
                    DeviceLinked.SCHEMA_VERSION, CLIENT, user(h), at, DeviceType.CHARGER, chargers.get(h), "WATTBOX",
                    new DeviceCapabilities(true, true, true, false), null)));
        }
        return records;
    }

    /** The fleet's i-th report, due at {@code at}. */
    ProducerRecord<String, String> report(long i, Instant at) {
        int h = household(i);
        long k = k(i);
        boolean plugged = plugged(k);
        double battery = 20 + (k % 60);
        if (k % 2 == 0) {
            return record(Topics.VEHICLE_STATE, h, new VehicleStateObserved(UUID.randomUUID(),
                    VehicleStateObserved.SCHEMA_VERSION, CLIENT, user(h), at, vehicles.get(h), "TESLA", at, plugged,
                    plugged, plugged ? 7.1 : 0.0, battery, null, null));
        }
        return record(Topics.CHARGER_STATE, h, new ChargerStateObserved(UUID.randomUUID(),
                ChargerStateObserved.SCHEMA_VERSION, CLIENT, user(h), at, chargers.get(h), "WATTBOX", at, plugged,
                plugged, plugged ? 7.4 : 0.0, 32.0));
    }

    private static ProducerRecord<String, String> record(String topic, int household, PlugmateEvent event) {
        return new ProducerRecord<>(topic, user(household), EventJson.write(event));
    }
}
