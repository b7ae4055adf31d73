package io.plugmate.pairing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.DeviceType;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.VehicleStateObserved;

/**
 * The detector for one user of one API client: takes the user's device lifecycle and state events in whatever order
 * they arrive, and a person's verdicts, and decides which vehicle is plugged into which charger. Deterministic: the
 * same inputs in the same order give the same outcome, ids included; time is only ever event time. Not thread-safe.
 */
public final class UserDetector {

    private final DetectorSettings settings;
    private final String clientId;
    private final String userId;
    private final Map<String, DeviceTrack> vehicles = new TreeMap<>();
    private final Map<String, DeviceTrack> chargers = new TreeMap<>();
    private final TreeSet<String> removed = new TreeSet<>();
    private final PairBook book;
    private final Decisions decisions;
    private Instant watermark;

    private UserDetector(DetectorSettings settings, DetectorSnapshot snapshot) {
        this.settings = settings;
        this.clientId = snapshot.clientId();
        this.userId = snapshot.userId();
        this.watermark = snapshot.watermark();
        this.removed.addAll(snapshot.removed());
        for (DetectorSnapshot.Device d : snapshot.devices()) {
            devicesOf(d.type()).put(d.id(), DeviceTrack.restore(d, settings));
        }
        this.book = new PairBook(clientId, userId, snapshot.sequence(), snapshot.pairs());
        this.decisions = new Decisions(settings, vehicles, chargers, book);
    }

    public static UserDetector start(String clientId, String userId, DetectorSettings settings) {
        return new UserDetector(settings, new DetectorSnapshot(clientId, userId, 0, null, List.of(), List.of(),
                List.of()));
    }

    public static UserDetector restore(DetectorSnapshot snapshot, DetectorSettings settings) {
        return new UserDetector(settings, snapshot);
    }

    public DetectorSnapshot snapshot() {
        List<DetectorSnapshot.Device> devices = new ArrayList<>();
        vehicles.values().forEach(v -> devices.add(v.snapshot()));
        chargers.values().forEach(c -> devices.add(c.snapshot()));
        return new DetectorSnapshot(clientId, userId, book.sequence(), watermark, devices, List.copyOf(removed),
                book.all());
    }

    public List<Pair> pairs() {
        return book.all();
    }

    public Pair pair(String pairId) {
        return book.get(pairId);
    }

    /**
     * Feeds one event of this user. Lifecycle and state events count; anything else is ignored.
     *
     * @param detectionEnabled the client's {@code pairing-detection} toggle: off, nothing is activated by detection
     *        and active pairs that a person did not confirm are deactivated
     */
    public Outcome accept(PlugmateEvent event, boolean detectionEnabled) {
        requireOwn(event);
        boolean changed = switch (event) {
            case DeviceLinked linked -> link(linked);
            case DeviceRemoved gone -> unlink(gone);
            case VehicleStateObserved v -> observe(DeviceType.VEHICLE, v.vehicleId(), Observation.of(v));
            case ChargerStateObserved c -> observe(DeviceType.CHARGER, c.chargerId(), Observation.of(c));
            default -> false;
        };
        if (!changed) {
            return Outcome.DUPLICATE;
        }
        decisions.decide(watermark, detectionEnabled);
        return book.drain();
    }

    /**
     * A person says the vehicle is plugged into the charger: activates it now if both are plugged in. The verdict is
     * stamped with the user's latest event time; {@code at} counts only when no report has been seen yet.
     */
    public Outcome confirm(String pairId, Instant at, boolean detectionEnabled) {
        return verdict(pairId, Verdict.CONFIRMED, at, detectionEnabled);
    }

    /** A person says the vehicle is not plugged into the charger: never activated by detection afterwards. */
    public Outcome reject(String pairId, Instant at, boolean detectionEnabled) {
        return verdict(pairId, Verdict.REJECTED, at, detectionEnabled);
    }

    private Outcome verdict(String pairId, Verdict verdict, Instant at, boolean detectionEnabled) {
        Pair pair = book.get(pairId);
        if (pair == null || !pair.live()) {
            throw new IllegalArgumentException("no live pair " + pairId);
        }
        // a verdict lives on the user's event-time line: a wall clock ahead of the reports must not move it
        if (watermark == null) {
            advance(at);
        }
        Pair remembered = pair.withMemory(pair.memory().withVerdict(verdict, watermark));
        book.put(remembered);
        book.note(remembered, verdict == Verdict.CONFIRMED ? "confirmed by a person" : "rejected by a person",
                watermark);
        if (verdict == Verdict.CONFIRMED) {
            decisions.learnFromConfirmation(remembered);
        }
        decisions.decide(watermark, detectionEnabled);
        return book.drain();
    }

    private boolean link(DeviceLinked event) {
        requireDevice(event.deviceType(), event.deviceId(), event);
        advance(event.occurredAt());
        removed.remove(event.deviceId());
        DeviceTrack track = devicesOf(event.deviceType()).computeIfAbsent(event.deviceId(),
                id -> DeviceTrack.fresh(id, event.deviceType(), settings));
        if (track.linked) {
            return false;
        }
        track.linked = true;
        boolean vehicle = event.deviceType() == DeviceType.VEHICLE;
        for (DeviceTrack other : (vehicle ? chargers : vehicles).values()) {
            if (other.linked) {
                book.establish(vehicle ? track.id : other.id, vehicle ? other.id : track.id, watermark);
            }
        }
        return true;
    }

    private boolean unlink(DeviceRemoved event) {
        requireDevice(event.deviceType(), event.deviceId(), event);
        advance(event.occurredAt());
        DeviceTrack track = devicesOf(event.deviceType()).remove(event.deviceId());
        removed.add(event.deviceId());
        if (track == null) {
            return false;
        }
        String reason = event.deviceType().wireName() + " unlinked";
        for (Pair p : book.all()) {
            if (p.live() && (p.vehicleId().equals(track.id) || p.chargerId().equals(track.id))) {
                book.dissolve(p, reason, watermark);
            }
        }
        return true;
    }

    private boolean observe(DeviceType type, String deviceId, Observation observation) {
        if (deviceId == null || deviceId.isBlank() || observation.observedAt() == null) {
            throw new IllegalArgumentException(type.wireName() + " state without device id or observedAt");
        }
        if (removed.contains(deviceId)) {
            return false;
        }
        DeviceTrack track = devicesOf(type).computeIfAbsent(deviceId, id -> DeviceTrack.fresh(id, type, settings));
        if (!track.timeline.add(observation)) {
            return false;
        }
        if (type == DeviceType.VEHICLE) {
            track.noteRest(observation);
        }
        advance(observation.observedAt());
        return true;
    }

    private void advance(Instant eventTime) {
        if (eventTime != null && (watermark == null || eventTime.isAfter(watermark))) {
            watermark = eventTime;
        }
    }

    private Map<String, DeviceTrack> devicesOf(DeviceType type) {
        return type == DeviceType.VEHICLE ? vehicles : chargers;
    }

    private static void requireDevice(DeviceType type, String deviceId, PlugmateEvent event) {
        if (type == null || deviceId == null || deviceId.isBlank()) {
            throw new IllegalArgumentException(event.type() + " " + event.eventId() + " without deviceType or deviceId");
        }
    }

    private void requireOwn(PlugmateEvent event) {
        if (!clientId.equals(event.clientId()) || !userId.equals(event.userId())) {
            throw new IllegalArgumentException("event of " + event.clientId() + "/" + event.userId()
                    + " fed to the detector of " + clientId + "/" + userId);
        }
    }
}
