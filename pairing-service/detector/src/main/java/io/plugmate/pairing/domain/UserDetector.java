package io.plugmate.pairing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final InputQueue inputs;
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
        this.inputs = new InputQueue(settings.inputs(), snapshot.pending());
    }

    public static UserDetector start(String clientId, String userId, DetectorSettings settings) {
        return new UserDetector(settings, new DetectorSnapshot(clientId, userId, 0, null, List.of(), List.of(),
                List.of(), List.of()));
    }

    public static UserDetector restore(DetectorSnapshot snapshot, DetectorSettings settings) {
        return new UserDetector(settings, snapshot);
    }

    public DetectorSnapshot snapshot() {
        List<DetectorSnapshot.Device> devices = new ArrayList<>();
        vehicles.values().forEach(v -> devices.add(v.snapshot()));
        chargers.values().forEach(c -> devices.add(c.snapshot()));
        return new DetectorSnapshot(clientId, userId, book.sequence(), watermark, devices, List.copyOf(removed),
                book.all(), inputs.pending());
    }

    public List<Pair> pairs() {
        return book.all();
    }

    public Pair pair(String pairId) {
        return book.get(pairId);
    }

    /**
     * Feeds one event of this user, given in the order the platform produced the user's inputs (a replay file, a
     * consumer that is not behind): as {@link #accept(PlugmateEvent, boolean, Instant)} vouching for everything up to
     * the event's own {@code occurredAt}.
     */
    public Outcome accept(PlugmateEvent event, boolean detectionEnabled) {
        return accept(event, detectionEnabled, event.occurredAt());
    }

    /**
     * Feeds one event of this user. Lifecycle and state events count; anything else is ignored. The event is queued
     * and applied in the order the inputs were produced (see {@link InputQueue}): now, or once the other input
     * streams have caught up with it.
     *
     * @param detectionEnabled the client's {@code pairing-detection} toggle: off, nothing is activated by detection
     *        and active pairs that a person did not confirm are deactivated
     * @param inputsCompleteUntil the caller vouches that every input of this user that occurred up to this time has
     *        been given; null when it cannot tell (then the inputs themselves show how far each stream has come)
     * @throws IllegalArgumentException for an event of another user, or one the detector cannot place
     */
    public Outcome accept(PlugmateEvent event, boolean detectionEnabled, Instant inputsCompleteUntil) {
        requireOwn(event);
        if (!isInput(event)) {
            return Outcome.DUPLICATE;
        }
        requirePlaceable(event);
        if (alreadyKnown(event)) {
            return Outcome.DUPLICATE;
        }
        inputs.add(event);
        release(inputsCompleteUntil, detectionEnabled);
        return book.drain();
    }

    /** Applies the queued inputs the caller now vouches for (its consumers have caught up to that time). */
    public Outcome catchUp(Instant inputsCompleteUntil, boolean detectionEnabled) {
        release(inputsCompleteUntil, detectionEnabled);
        return book.drain();
    }

    /** Inputs taken in but not yet applied (waiting for another input stream). */
    public int waitingInputs() {
        return inputs.pending().size();
    }

    private void release(Instant completeUntil, boolean detectionEnabled) {
        for (PlugmateEvent next = inputs.next(streamsWithDevices(), completeUntil,
                this::ofUnlinkedDevice); next != null; next = inputs.next(streamsWithDevices(), completeUntil,
                        this::ofUnlinkedDevice)) {
            if (apply(next)) {
                decisions.decide(watermark, detectionEnabled);
            }
        }
    }

    private boolean apply(PlugmateEvent event) {
        return switch (event) {
            case DeviceLinked linked -> link(linked);
            case DeviceRemoved gone -> unlink(gone);
            case VehicleStateObserved v -> observe(DeviceType.VEHICLE, v.vehicleId(), Observation.of(v));
            case ChargerStateObserved c -> observe(DeviceType.CHARGER, c.chargerId(), Observation.of(c));
            default -> false;
        };
    }

    /**
     * The streams that can hold an input up: those with a linked device that is staying (a device whose removal is
     * queued will not report again, and a device never linked does not count).
     */
    private Set<InputQueue.Stream> streamsWithDevices() {
        Set<InputQueue.Stream> streams = EnumSet.noneOf(InputQueue.Stream.class);
        if (vehicles.values().stream().anyMatch(this::staying)) {
            streams.add(InputQueue.Stream.VEHICLES);
        }
        if (chargers.values().stream().anyMatch(this::staying)) {
            streams.add(InputQueue.Stream.CHARGERS);
        }
        return streams;
    }

    private boolean staying(DeviceTrack device) {
        return device.linked && !inputs.holds(e -> e instanceof DeviceRemoved r && device.id.equals(r.deviceId()));
    }

    private boolean ofUnlinkedDevice(PlugmateEvent event) {
        DeviceTrack track = switch (event) {
            case VehicleStateObserved v -> vehicles.get(v.vehicleId());
            case ChargerStateObserved c -> chargers.get(c.chargerId());
            default -> null;
        };
        return track == null || !track.linked;
    }

    private static boolean isInput(PlugmateEvent event) {
        return event instanceof DeviceLinked || event instanceof DeviceRemoved || event instanceof VehicleStateObserved
                || event instanceof ChargerStateObserved;
    }

    /** Checked when the event arrives, not when it is applied: a refusal must fail the record that caused it. */
    private static void requirePlaceable(PlugmateEvent event) {
        switch (event) {
            case DeviceLinked l -> requireDevice(l.deviceType(), l.deviceId(), event);
            case DeviceRemoved r -> requireDevice(r.deviceType(), r.deviceId(), event);
            case VehicleStateObserved v -> requireObservation(DeviceType.VEHICLE, v.vehicleId(), v.observedAt());
            case ChargerStateObserved c -> requireObservation(DeviceType.CHARGER, c.chargerId(), c.observedAt());
            default -> {
            }
        }
    }

    private static void requireObservation(DeviceType type, String deviceId, Instant observedAt) {
        if (deviceId == null || deviceId.isBlank() || observedAt == null) {
            throw new IllegalArgumentException(type.wireName() + " state without device id or observedAt");
        }
    }

    /** A re-delivery, or a report already known: it would change nothing, now or when its turn comes. */
    private boolean alreadyKnown(PlugmateEvent event) {
        if (inputs.holds(e -> e.eventId() != null && e.eventId().equals(event.eventId()))) {
            return true;
        }
        return switch (event) {
            case VehicleStateObserved v -> knownReport(vehicles, v.vehicleId(), Observation.of(v));
            case ChargerStateObserved c -> knownReport(chargers, c.chargerId(), Observation.of(c));
            case DeviceLinked l -> !lifecyclePending(l.deviceId()) && devicesOf(l.deviceType()).containsKey(l.deviceId())
                    && devicesOf(l.deviceType()).get(l.deviceId()).linked;
            case DeviceRemoved r -> !lifecyclePending(r.deviceId()) && removed.contains(r.deviceId());
            default -> false;
        };
    }

    /**
     * The same report (event time and content) is known or waiting; another report of the same second is not a repeat
     * (a plug-in and its unplug in one second: the device services publish both, ADR 0018).
     */
    private boolean knownReport(Map<String, DeviceTrack> devices, String deviceId, Observation report) {
        if (removed.contains(deviceId) && !lifecyclePending(deviceId)) {
            return true;
        }
        DeviceTrack track = devices.get(deviceId);
        if (track != null && track.timeline.has(report)) {
            return true;
        }
        return inputs.holds(e -> e instanceof VehicleStateObserved v && v.vehicleId().equals(deviceId)
                && Observation.of(v).equals(report)
                || e instanceof ChargerStateObserved c && c.chargerId().equals(deviceId)
                        && Observation.of(c).equals(report));
    }

    private boolean lifecyclePending(String deviceId) {
        return inputs.holds(e -> e instanceof DeviceLinked l && deviceId.equals(l.deviceId())
                || e instanceof DeviceRemoved r && deviceId.equals(r.deviceId()));
    }

    /**
     * A person says the vehicle is plugged into the charger: activates it now if both are plugged in; an already
     * active pair is published again as confirmed. The verdict is stamped with the user's latest event time;
     * {@code at} counts only when no report has been seen yet. A repeat that would change nothing is
     * {@link Outcome#DUPLICATE}.
     */
    public Outcome confirm(String pairId, Instant at, boolean detectionEnabled) {
        return verdict(pairId, Verdict.CONFIRMED, at, detectionEnabled);
    }

    /**
     * A person says the vehicle is not plugged into the charger: never activated by detection afterwards. A repeat is
     * {@link Outcome#DUPLICATE}.
     */
    public Outcome reject(String pairId, Instant at, boolean detectionEnabled) {
        return verdict(pairId, Verdict.REJECTED, at, detectionEnabled);
    }

    private Outcome verdict(String pairId, Verdict verdict, Instant at, boolean detectionEnabled) {
        Pair pair = book.get(pairId);
        if (pair == null || !pair.live()) {
            throw new IllegalArgumentException("no live pair " + pairId);
        }
        if (repeats(pair, verdict)) {
            return Outcome.DUPLICATE;
        }
        // a verdict lives on the user's event-time line: a wall clock ahead of the reports must not move it
        if (watermark == null) {
            advance(at);
        }
        String said = verdict == Verdict.CONFIRMED ? "confirmed by a person" : "rejected by a person";
        // confirming an active pair changes no state, but its consumers must learn it is confirmed now (ADR 0010)
        boolean reaffirms = verdict == Verdict.CONFIRMED && pair.state() == PairState.ACTIVE;
        Pair remembered = pair.withMemory(pair.memory().withVerdict(verdict, watermark));
        book.put(remembered);
        if (!reaffirms) {
            book.note(remembered, said, watermark);
        }
        if (verdict == Verdict.CONFIRMED) {
            decisions.learnFromConfirmation(remembered);
        }
        decisions.decide(watermark, detectionEnabled);
        if (reaffirms) {
            Pair now = book.get(pairId);
            if (now.state() == PairState.ACTIVE) {
                book.reaffirm(now, said, watermark);
            } else {
                book.note(now, said, watermark);
            }
        }
        return book.drain();
    }

    /**
     * The verdict is already what the pair remembers and saying it again would change nothing: a rejection holds for
     * good; a confirmation already counts for the vehicle's current plug-in, or the vehicle is not plugged in (a
     * confirmation counts for the plug-in it was given in).
     */
    private boolean repeats(Pair pair, Verdict verdict) {
        PairMemory memory = pair.memory();
        if (memory.verdict() != verdict) {
            return false;
        }
        if (verdict == Verdict.REJECTED) {
            return true;
        }
        DeviceTrack vehicle = vehicles.get(pair.vehicleId());
        Marks plug = vehicle == null ? null : vehicle.timeline.plugIn();
        return plug == null || !memory.verdictAt().isBefore(plug.firstAfter());
    }

    private boolean link(DeviceLinked event) {
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
        if (removed.contains(deviceId)) {
            return false;
        }
        DeviceTrack track = devicesOf(type).computeIfAbsent(deviceId, id -> DeviceTrack.fresh(id, type, settings));
        Observation latest = track.timeline.latest();
        boolean late = latest != null && observation.observedAt().isBefore(latest.observedAt());
        if (!track.timeline.add(observation)) {
            return false;
        }
        if (!observation.isPlugged() || late) {
            decisions.reportMayEndPlugIn();
        }
        track.noteReport(observation);
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
