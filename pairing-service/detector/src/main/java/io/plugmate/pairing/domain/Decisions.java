package io.plugmate.pairing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.plugmate.events.Evidence;
import io.plugmate.events.GeoLocation;

/**
 * Turns assessments into pair states, conservatively: a pair activates only when it is convincing and no other pair
 * sharing one of its devices is plausible; two convincing rivals are both AMBIGUOUS. A vehicle is in at most one active
 * pair and so is a charger. An activation ends when either device reports the unplug, when evidence rules it out, or
 * when a person rejects it.
 */
final class Decisions {

    private final DetectorSettings settings;
    private final DetectorSettings.Decision rule;
    private final Assessor assessor;
    private final Map<String, DeviceTrack> vehicles;
    private final Map<String, DeviceTrack> chargers;
    private final PairBook book;

    Decisions(DetectorSettings settings, Map<String, DeviceTrack> vehicles, Map<String, DeviceTrack> chargers,
            PairBook book) {
        this.settings = settings;
        this.rule = settings.decision();
        this.assessor = new Assessor(settings);
        this.vehicles = vehicles;
        this.chargers = chargers;
        this.book = book;
    }

    void decide(Instant now, boolean detectionEnabled) {
        settleUnplugs();
        Map<String, Assessment> plugged = assessPluggedPairs();
        Set<String> held = new HashSet<>();
        for (Pair p : book.all()) {
            if (p.state() == PairState.ACTIVE) {
                String ended = endReason(p, plugged.get(p.id()), detectionEnabled);
                if (ended != null) {
                    end(p, ended, now);
                } else {
                    held.add(p.vehicleId());
                    held.add(p.chargerId());
                    Assessment a = plugged.get(p.id());
                    book.put(p.moved(PairState.ACTIVE, confidenceOf(p, a), a.evidence(), List.of(), p.updatedAt()));
                }
            }
        }
        honourConfirmations(plugged, held, now);
        demoteContested(plugged, held, now);
        List<Pair> candidates = new ArrayList<>();
        for (Pair p : book.all()) {
            if (p.state() != PairState.ACTIVE && p.live()) {
                candidates.add(p);
            }
        }
        candidates.sort(Comparator.comparingDouble((Pair p) -> plugged.containsKey(p.id())
                ? -plugged.get(p.id()).score()
                : Double.MAX_VALUE).thenComparing(Pair::id));
        for (Pair p : candidates) {
            place(p, plugged, held, now, detectionEnabled);
        }
    }

    /** Remembers a charger's position from the confirming vehicle's latest fix in its current plug-in. */
    void learnFromConfirmation(Pair pair) {
        DeviceTrack vehicle = vehicles.get(pair.vehicleId());
        DeviceTrack charger = chargers.get(pair.chargerId());
        Marks plug = vehicle == null ? null : vehicle.timeline.plugIn();
        if (plug == null || charger == null) {
            return;
        }
        GeoLocation last = null;
        for (Observation o : vehicle.timeline.since(plug.firstAfter())) {
            last = o.location() != null ? o.location() : last;
        }
        if (last != null) {
            charger.learn(last);
        }
    }

    private Map<String, Assessment> assessPluggedPairs() {
        Map<String, Assessment> result = new LinkedHashMap<>();
        for (Pair p : book.all()) {
            DeviceTrack v = vehicles.get(p.vehicleId());
            DeviceTrack c = chargers.get(p.chargerId());
            if (p.live() && v != null && c != null && v.linked && c.linked && v.timeline.plugIn() != null
                    && c.timeline.plugIn() != null) {
                result.put(p.id(), assessor.assess(v.timeline, c.timeline, c.learnedLocation(), v.restingPlace(),
                        p.memory(), v.reportsRates && c.reportsRates, clockOf(v)));
            }
        }
        return result;
    }

    private String endReason(Pair p, Assessment a, boolean detectionEnabled) {
        Timeline v = vehicles.get(p.vehicleId()).timeline;
        Timeline c = chargers.get(p.chargerId()).timeline;
        Marks vehiclePlug = v.plugIn();
        if (vehiclePlug == null || vehiclePlug.firstAfter().isAfter(p.plugInAt())) {
            return "vehicle reported unplugged";
        }
        if (c.plugIn() == null) {
            return "charger reported unplugged";
        }
        boolean confirmedNow = confirmedDuring(p, vehiclePlug);
        if (p.memory().verdict() == Verdict.REJECTED) {
            return "rejected by a person";
        }
        if (!detectionEnabled && !confirmedNow) {
            return "pairing detection is off for this client";
        }
        if (a.ruledOut() && !confirmedNow) {
            return "evidence against: " + worst(a);
        }
        return null;
    }

    private void end(Pair p, String reason, Instant now) {
        Pair ended = book.move(p, PairState.INACTIVE, reason, now, 0, p.evidence(), List.of());
        Instant vehicleOut = vehicles.get(p.vehicleId()).timeline.firstUnpluggedAfter(p.plugInAt());
        Instant chargerOut = chargers.get(p.chargerId()).timeline.firstUnpluggedAfter(p.plugInAt());
        if (vehicleOut != null || chargerOut != null) {
            boolean vehicleFirst = chargerOut == null || (vehicleOut != null && !vehicleOut.isAfter(chargerOut));
            book.put(ended.withPlugIn(p.plugInAt()).withUnplug(
                    new Pair.Unplug(vehicleFirst ? "vehicle" : "charger", vehicleFirst ? vehicleOut : chargerOut)));
        }
    }

    /**
     * An ended activation waits for the other device's unplug report: the same minutes make the two plugged in and out
     * together, which is remembered, and the vehicle's position then teaches where the charger is.
     */
    private void settleUnplugs() {
        for (Pair p : book.all()) {
            Pair.Unplug first = p.unplug();
            if (first == null || !p.live()) {
                continue;
            }
            boolean vehicleFirst = first.side().equals("vehicle");
            DeviceTrack vehicle = vehicles.get(p.vehicleId());
            Timeline other = vehicleFirst ? chargers.get(p.chargerId()).timeline : vehicle.timeline;
            Instant otherOut = other.firstUnpluggedAfter(p.plugInAt());
            Duration window = rule.unplugTogether();
            Duration clock = clockOf(vehicle);
            // both on the charger's clock
            Instant firstOut = vehicleFirst ? first.at().minus(clock) : first.at();
            Instant secondOut = otherOut == null || vehicleFirst ? otherOut : otherOut.minus(clock);
            if (otherOut != null && Duration.between(firstOut, secondOut).abs().compareTo(window) <= 0) {
                learnLocation(p, vehicleFirst ? first.at() : otherOut);
                learnClock(p);
                book.put(p.withMemory(p.memory().withSharedEpisode()).withUnplug(null));
            } else if (otherOut != null || stillPluggedLongAfter(other, first.at().plus(window))) {
                book.put(p.withUnplug(null));
            }
        }
    }

    /**
     * A plug-in the two ended together: its start and its end happened at one instant on both devices, so the
     * reports around them bound what the vehicle's clock is off by.
     */
    private void learnClock(Pair p) {
        DeviceTrack vehicle = vehicles.get(p.vehicleId());
        Timeline v = vehicle.timeline;
        Timeline c = chargers.get(p.chargerId()).timeline;
        Instant vehicleOut = v.firstUnpluggedAfter(p.plugInAt());
        Instant chargerOut = c.firstUnpluggedAfter(p.plugInAt().minus(clockOf(vehicle)));
        if (vehicleOut == null || chargerOut == null) {
            return;
        }
        Observation chargerIn = c.startOfRunBefore(chargerOut);
        vehicle.clock = vehicle.clock.learn(timeIf(v.before(p.plugInAt()), false), p.plugInAt(),
                chargerIn == null ? null : timeIf(c.before(chargerIn.observedAt()), false),
                chargerIn == null ? null : chargerIn.observedAt(), timeIf(v.before(vehicleOut), true), vehicleOut,
                timeIf(c.before(chargerOut), true), chargerOut, settings.clock());
    }

    /** The report's time when it says plugged (or, with {@code plugged} false, unplugged); else null. */
    private static Instant timeIf(Observation report, boolean plugged) {
        return report != null && (plugged ? report.isPlugged() : report.isUnplugged()) ? report.observedAt() : null;
    }

    private Duration clockOf(DeviceTrack vehicle) {
        return vehicle.clock.offset(settings.clock());
    }

    private static boolean stillPluggedLongAfter(Timeline other, Instant after) {
        Observation latest = other.latest();
        return latest != null && latest.isPlugged() && latest.observedAt().isAfter(after);
    }

    private void learnLocation(Pair p, Instant until) {
        List<GeoLocation> fixes = new ArrayList<>();
        for (Observation o : vehicles.get(p.vehicleId()).timeline.between(p.plugInAt(), until)) {
            if (o.location() != null) {
                fixes.add(o.location());
            }
        }
        GeoLocation centre = Geo.median(fixes);
        if (centre != null && chargers.containsKey(p.chargerId())) {
            chargers.get(p.chargerId()).learn(centre);
        }
    }

    /** A person's confirmation during the current plug-in wins over whatever holds either device. */
    private void honourConfirmations(Map<String, Assessment> plugged, Set<String> held, Instant now) {
        for (Pair p : book.all()) {
            if (p.state() == PairState.ACTIVE || !plugged.containsKey(p.id())
                    || !confirmedDuring(p, vehicles.get(p.vehicleId()).timeline.plugIn())) {
                continue;
            }
            for (Pair holder : book.all()) {
                if (holder.state() == PairState.ACTIVE && sharesDevice(holder, p)) {
                    end(holder, "a person confirmed pair " + p.id(), now);
                    held.remove(holder.vehicleId());
                    held.remove(holder.chargerId());
                }
            }
            activate(p, plugged.get(p.id()), "confirmed by a person", now);
            held.add(p.vehicleId());
            held.add(p.chargerId());
        }
    }

    /**
     * An activation made before a rival showed up (the second car reporting its plug-in a minute later) does not
     * survive a rival that is just as convincing: both become ambiguous.
     */
    private void demoteContested(Map<String, Assessment> plugged, Set<String> held, Instant now) {
        for (Pair p : book.all()) {
            Assessment a = plugged.get(p.id());
            if (p.state() != PairState.ACTIVE || a == null
                    || confirmedDuring(p, vehicles.get(p.vehicleId()).timeline.plugIn())) {
                continue;
            }
            List<String> contenders = rivals(p, a, plugged).stream()
                    .filter(id -> plugged.get(id).convincing(rule)).toList();
            if (!contenders.isEmpty()) {
                end(p, "contested: as plausible as " + contenders.size() + " other pair(s)", now);
                held.remove(p.vehicleId());
                held.remove(p.chargerId());
            }
        }
    }

    private void place(Pair p, Map<String, Assessment> plugged, Set<String> held, Instant now,
            boolean detectionEnabled) {
        Assessment a = plugged.get(p.id());
        if (a == null || !detectionEnabled) {
            settle(p, PairState.INACTIVE, a, List.of(), a == null ? "not both plugged in" : "pairing detection is off",
                    now);
            return;
        }
        if (!a.convincing(rule)) {
            settle(p, PairState.INACTIVE, a, List.of(), "not convincing (score %s)".formatted(a.score()), now);
            return;
        }
        if (heldByConfirmation(p)) {
            settle(p, PairState.INACTIVE, a, List.of(), "a device is in a pair a person confirmed", now);
            return;
        }
        List<String> rivals = rivals(p, a, plugged);
        String unplugNews;
        if (!rivals.isEmpty()) {
            settle(p, PairState.AMBIGUOUS, a, rivals, "as plausible as " + rivals.size() + " other pair(s)", now);
        } else if (held.contains(p.vehicleId()) || held.contains(p.chargerId())) {
            settle(p, PairState.INACTIVE, a, List.of(), "a device is in another active pair", now);
        } else if (!a.corroborated()) {
            settle(p, PairState.INACTIVE, a, List.of(), a.ratesComparable()
                    ? "waiting for a rate comparison, the place or a person to agree"
                    : "timing only: waiting for a measurement or the place to agree", now);
        } else if ((unplugNews = silentLookAlike(p, now)) != null) {
            settle(p, PairState.INACTIVE, a, List.of(), "waiting for news: " + unplugNews, now);
        } else if ((unplugNews = rivalJustUnplugged(p)) != null) {
            settle(p, PairState.INACTIVE, a, List.of(), "waiting for news: " + unplugNews, now);
        } else {
            activate(p, a, "convincing and unrivalled (score %s)".formatted(a.score()), now);
            held.add(p.vehicleId());
            held.add(p.chargerId());
        }
    }

    /** Pairs sharing a device with {@code p} that are plausible and not clearly behind it (see the lead score). */
    private List<String> rivals(Pair p, Assessment own, Map<String, Assessment> plugged) {
        List<String> rivals = new ArrayList<>();
        for (Pair other : book.all()) {
            Assessment a = plugged.get(other.id());
            if (!other.id().equals(p.id()) && sharesDevice(other, p) && a != null && a.plausible(rule)
                    && a.leadScore() > own.leadScore() - rule.dominance()) {
                rivals.add(other.id());
            }
        }
        return rivals;
    }

    /**
     * Look-alikes: another vehicle of the user that has not reported since the charger's plug-in could be the one on it
     * (two cars of one model plugging in within a minute at the same power, one of them elsewhere, without GPS: the
     * first to report would otherwise be taken). Until it has reported, or {@code decision.rivalWait} has passed since
     * the plug-in, the pair is not taken as the answer; if it then is as plausible, both are AMBIGUOUS. The same for
     * another charger that has not reported since the vehicle's plug-in.
     */
    private String silentLookAlike(Pair p, Instant now) {
        Duration silence = settings.reports().silence();
        Marks chargerPlug = chargers.get(p.chargerId()).timeline.plugIn(silence);
        DeviceTrack vehicle = vehicles.get(p.vehicleId());
        Marks vehiclePlug = vehicle.timeline.plugIn(silence).shifted(clockOf(vehicle));
        for (DeviceTrack other : vehicles.values()) {
            if (!other.id.equals(p.vehicleId()) && other.linked && !activeWithOther(other.id)
                    && silentSince(other, chargerPlug.firstAfter().plus(clockOf(other)), now)) {
                return "vehicle " + other.id + " has not reported since the charger's plug-in";
            }
        }
        for (DeviceTrack other : chargers.values()) {
            if (!other.id.equals(p.chargerId()) && other.linked && !activeWithOther(other.id)
                    && silentSince(other, vehiclePlug.firstAfter(), now)) {
                return "charger " + other.id + " has not reported since the vehicle's plug-in";
            }
        }
        return null;
    }

    /**
     * The device has not reported clearly after the plug-in: a report within the clock tolerance of it may have been
     * made just before it (and say "unplugged" of a car that plugs in the next second).
     *
     * @param plugIn on the device's own clock
     */
    private boolean silentSince(DeviceTrack device, Instant plugIn, Instant now) {
        Observation latest = device.timeline.latest();
        Duration tolerance = settings.reports().clockTolerance();
        return latest != null && !latest.observedAt().isAfter(plugIn.plus(tolerance))
                && now.isBefore(plugIn.plus(rule.rivalWait()));
    }

    private boolean activeWithOther(String deviceId) {
        return book.all().stream().anyMatch(q -> q.state() == PairState.ACTIVE
                && (q.vehicleId().equals(deviceId) || q.chargerId().equals(deviceId)));
    }

    /**
     * Elimination needs fresh news: when another charger that was plugged in with this vehicle has just been unplugged
     * (say the one it really was on), the vehicle's own unplug report is probably on its way; the same for another
     * vehicle of this charger. Until the device reports again, the survivor is not taken as the answer.
     */
    private String rivalJustUnplugged(Pair p) {
        Timeline vehicle = vehicles.get(p.vehicleId()).timeline;
        Timeline charger = chargers.get(p.chargerId()).timeline;
        Duration clock = clockOf(vehicles.get(p.vehicleId()));
        for (DeviceTrack other : chargers.values()) {
            if (!other.id.equals(p.chargerId()) && justUnpluggedAfter(other.timeline, Duration.ZERO, vehicle, clock)) {
                return "charger " + other.id + " was unplugged after the vehicle's latest report";
            }
        }
        for (DeviceTrack other : vehicles.values()) {
            if (!other.id.equals(p.vehicleId())
                    && justUnpluggedAfter(other.timeline, clockOf(other), charger, Duration.ZERO)) {
                return "vehicle " + other.id + " was unplugged after the charger's latest report";
            }
        }
        return null;
    }

    /** The clocks: what each device's times are off by (zero for chargers). */
    private boolean justUnpluggedAfter(Timeline other, Duration otherClock, Timeline device, Duration deviceClock) {
        Marks ended = Marks.shifted(other.lastEndedPlugIn(), otherClock);
        Marks plug = Marks.shifted(device.plugIn(), deviceClock);
        if (ended == null || plug == null) {
            return false;
        }
        Instant deviceLatest = device.latest().observedAt().minus(deviceClock);
        boolean pluggedTogether = Duration.between(ended.lastBefore(), plug.firstAfter()).abs()
                .compareTo(settings.plugInTiming().close()) <= 0;
        return pluggedTogether && ended.firstAfter().isAfter(deviceLatest.minus(settings.reports().clockTolerance()));
    }

    private boolean heldByConfirmation(Pair p) {
        for (Pair other : book.all()) {
            if (sharesDevice(other, p) && other.state() == PairState.ACTIVE && !other.id().equals(p.id())
                    && confirmedDuring(other, vehicles.get(other.vehicleId()).timeline.plugIn())) {
                return true;
            }
        }
        return false;
    }

    private void activate(Pair p, Assessment a, String reason, Instant now) {
        Marks plug = vehicles.get(p.vehicleId()).timeline.plugIn();
        Pair fresh = book.get(p.id()).withPlugIn(plug.firstAfter()).withUnplug(null);
        book.put(fresh);
        book.move(fresh, PairState.ACTIVE, reason, now, confidenceOf(fresh, a), a.evidence(), List.of());
    }

    /** Moves a non-active pair, with a history entry only when its state or its rivals change. */
    private void settle(Pair p, PairState to, Assessment a, List<String> rivals, String reason, Instant now) {
        Pair current = book.get(p.id());
        double confidence = a == null ? 0 : a.confidence(rule);
        List<Evidence> evidence = a == null ? current.evidence() : a.evidence();
        if (current.state() != to || !current.candidates().equals(rivals)) {
            book.move(current, to, reason, now, confidence, evidence, rivals);
        } else {
            book.put(current.moved(to, confidence, evidence, rivals, current.updatedAt()));
        }
    }

    private static boolean sharesDevice(Pair a, Pair b) {
        return a.vehicleId().equals(b.vehicleId()) || a.chargerId().equals(b.chargerId());
    }

    private double confidenceOf(Pair p, Assessment a) {
        return p.memory().verdict() == Verdict.CONFIRMED && p.memory().verdictAt() != null
                && p.plugInAt() != null && !p.memory().verdictAt().isBefore(p.plugInAt()) ? 1.0 : a.confidence(rule);
    }

    private static boolean confirmedDuring(Pair p, Marks vehiclePlug) {
        return vehiclePlug != null && p.memory().verdict() == Verdict.CONFIRMED
                && !p.memory().verdictAt().isBefore(vehiclePlug.firstAfter());
    }

    private static String worst(Assessment a) {
        return a.evidence().stream().min(Comparator.comparingDouble(Evidence::score))
                .map(e -> e.signal() + ": " + e.detail()).orElse("");
    }
}
