package io.plugmate.pairing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.DeviceType;
import io.plugmate.events.GeoLocation;
import io.plugmate.events.PairEvent;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.VehicleStateObserved;

/** Builds one user's input events; times are "HH:mm[:ss]" on a fixed day. */
final class Feed {

    static final String CLIENT = "acme";
    static final String USER = "u1";
    static final String DAY = "2026-03-02T";
    static final GeoLocation HOME = new GeoLocation(59.9139, 10.7522);
    static final GeoLocation WORK = new GeoLocation(59.95, 10.70);

    private final List<PlugmateEvent> events = new ArrayList<>();
    private int sequence;

    static Instant at(String time) {
        return Instant.parse(DAY + (time.length() == 5 ? time + ":00" : time) + "Z");
    }

    Feed linked(DeviceType type, String... ids) {
        for (String id : ids) {
            events.add(new DeviceLinked(nextId(), 1, CLIENT, USER, at("00:00"), type, id, "TESLA",
                    new DeviceCapabilities(true, true, true, true)));
        }
        return this;
    }

    Feed removed(DeviceType type, String id, String time) {
        events.add(new DeviceRemoved(nextId(), 1, CLIENT, USER, at(time), type, id));
        return this;
    }

    Feed vehicle(String id, String time, Boolean plugged, Boolean charging, Double rate, GeoLocation location) {
        events.add(new VehicleStateObserved(nextId(), 1, CLIENT, USER, at(time), id, "TESLA", at(time), plugged,
                charging, rate, 50.0, location));
        return this;
    }

    /** A vehicle report measured at {@code time} that reaches the platform only at {@code delivered}. */
    Feed vehicleDelivered(String id, String time, String delivered, Boolean plugged, Boolean charging, Double rate,
            GeoLocation location) {
        events.add(new VehicleStateObserved(nextId(), 1, CLIENT, USER, at(delivered), id, "TESLA", at(time), plugged,
                charging, rate, 50.0, location));
        return this;
    }

    Feed charger(String id, String time, Boolean plugged, Boolean charging, Double rate) {
        events.add(new ChargerStateObserved(nextId(), 1, CLIENT, USER, at(time), id, "WATTBOX", at(time), plugged,
                charging, rate, 16.0));
        return this;
    }

    /** A charger report measured at {@code time} that reaches the platform only at {@code delivered}. */
    Feed chargerDelivered(String id, String time, String delivered, Boolean plugged, Boolean charging, Double rate) {
        events.add(new ChargerStateObserved(nextId(), 1, CLIENT, USER, at(delivered), id, "WATTBOX", at(time), plugged,
                charging, rate, 16.0));
        return this;
    }

    /** Charger reports every {@code stepSeconds} from {@code from} to {@code to}, all in the same state. */
    Feed chargerEvery(String id, String from, String to, int stepSeconds, boolean plugged, boolean charging,
            Double rate) {
        for (Instant t = at(from); !t.isAfter(at(to)); t = t.plusSeconds(stepSeconds)) {
            charger(id, t.toString().substring(11, 19), plugged, charging, rate);
        }
        return this;
    }

    Feed vehicleEvery(String id, String from, String to, int stepSeconds, boolean plugged, boolean charging,
            Double rate, GeoLocation location) {
        for (Instant t = at(from); !t.isAfter(at(to)); t = t.plusSeconds(stepSeconds)) {
            vehicle(id, t.toString().substring(11, 19), plugged, charging, rate, location);
        }
        return this;
    }

    /** The events so far re-ordered by occurredAt (stable): reports added device by device, delivered as they occur. */
    Feed inTimeOrder() {
        events.sort(java.util.Comparator.comparing(PlugmateEvent::occurredAt));
        return this;
    }

    List<PlugmateEvent> events() {
        return List.copyOf(events);
    }

    /** Runs the events through a fresh detector; the result keeps every outcome. */
    Run run() {
        return run(DetectorSettings.defaults(), true);
    }

    Run run(DetectorSettings settings, boolean detectionEnabled) {
        UserDetector detector = UserDetector.start(CLIENT, USER, settings);
        List<PairEvent> published = new ArrayList<>();
        List<Transition> history = new ArrayList<>();
        for (PlugmateEvent e : events) {
            Outcome o = detector.accept(e, detectionEnabled);
            published.addAll(o.events());
            history.addAll(o.transitions());
        }
        return new Run(detector, published, history);
    }

    record Run(UserDetector detector, List<PairEvent> events, List<Transition> history) {

        Pair pair(String vehicleId, String chargerId) {
            return detector.pair(Ids.pairId(CLIENT, USER, vehicleId, chargerId));
        }

        List<String> types() {
            return events.stream().map(PlugmateEvent::type).toList();
        }

        long activations() {
            return events.stream().filter(e -> e instanceof io.plugmate.events.PairActivated).count();
        }
    }

    private UUID nextId() {
        return UUID.nameUUIDFromBytes(("feed-" + sequence++).getBytes());
    }
}
