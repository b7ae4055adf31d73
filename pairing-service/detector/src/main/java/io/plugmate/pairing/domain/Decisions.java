package io.plugmate.pairing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.plugmate.events.Evidence;

/**
 * Turns assessments into pair states, conservatively: a pair activates only when it is convincing and no other pair
 * sharing one of its devices is plausible; two convincing rivals are both AMBIGUOUS. A vehicle is in at most one active
 * pair and so is a charger. An activation ends when either device reports the unplug, when evidence rules it out, or
 * when a person rejects it. The rules' parts: {@link Rivalry} (what holds a convincing pair back), {@link PairMoves}
 * (how a pair moves), {@link UnplugSettlement} and {@link PairLearning} (what an ended plug-in teaches),
 * {@link UnactivatedSessions} (a plug-in together that ended without an activation, written into the history).
 */
final class Decisions {

    private final UserDevices devices;
    private final DetectorSettings.Decision rule;
    private final PairBook book;
    private final Assessor assessor;
    private final PairLearning learning;
    private final UnplugSettlement unplugs;
    private final Rivalry rivalry;
    private final PairMoves moves;
    private final UnactivatedSessions unactivated;
    /** A report since the last decision could have ended a plug-in (an unplug, or one that came late). */
    private boolean plugInsMayHaveEnded;

    Decisions(DetectorSettings settings, Map<String, DeviceTrack> vehicles, Map<String, DeviceTrack> chargers,
            PairBook book) {
        this.devices = new UserDevices(settings, vehicles, chargers, book);
        this.rule = settings.decision();
        this.book = book;
        this.assessor = new Assessor(settings);
        this.learning = new PairLearning(devices);
        this.unplugs = new UnplugSettlement(devices, learning);
        this.rivalry = new Rivalry(devices);
        this.moves = new PairMoves(devices);
        this.unactivated = new UnactivatedSessions(devices);
    }

    void decide(Instant now, boolean detectionEnabled) {
        unplugs.settle();
        Map<String, Assessment> plugged = assessPluggedPairs();
        Set<String> held = new HashSet<>();
        for (Pair p : book.all()) {
            if (p.state() == PairState.ACTIVE) {
                Ending ending = endingOf(p, plugged.get(p.id()), detectionEnabled);
                if (ending != null) {
                    moves.end(p, ending, now);
                } else {
                    held.add(p.vehicleId());
                    held.add(p.chargerId());
                    Assessment a = plugged.get(p.id());
                    book.put(p.moved(PairState.ACTIVE, moves.confidenceOf(p, a), a.evidence(), List.of(),
                            p.updatedAt()));
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
        if (plugInsMayHaveEnded) {
            unactivated.record(now);
            plugInsMayHaveEnded = false;
        }
    }

    /**
     * A report was applied that may end a plug-in of its device: one that is not "plugged in", or one older than the
     * device's latest (a late report can complete a plug-in that ended before it). Only then can a plug-in that ended
     * without an activation appear, so only then is that looked for (it reads every pair's timelines).
     */
    void reportMayEndPlugIn() {
        plugInsMayHaveEnded = true;
    }

    /** Remembers a charger's position from the confirming vehicle's latest fix in its current plug-in. */
    void learnFromConfirmation(Pair pair) {
        learning.fromConfirmation(pair);
    }

    private Map<String, Assessment> assessPluggedPairs() {
        Map<String, Assessment> result = new LinkedHashMap<>();
        for (Pair p : book.all()) {
            DeviceTrack v = devices.vehicle(p.vehicleId());
            DeviceTrack c = devices.charger(p.chargerId());
            if (p.live() && v != null && c != null && v.linked && c.linked && v.timeline.plugIn() != null
                    && c.timeline.plugIn() != null) {
                result.put(p.id(), assessor.assess(v.timeline, c.timeline, c.learnedLocation(), v.restingPlace(),
                        p.memory(), v.reportsRates && c.reportsRates, devices.clockOf(v)));
            }
        }
        return result;
    }

    /** Why an active pair ends now; null when it holds. */
    private Ending endingOf(Pair p, Assessment a, boolean detectionEnabled) {
        Marks vehiclePlug = devices.vehiclePlugIn(p);
        if (vehiclePlug == null || vehiclePlug.firstAfter().isAfter(p.plugInAt())) {
            return Ending.over("vehicle reported unplugged");
        }
        if (devices.charger(p.chargerId()).timeline.plugIn() == null) {
            return Ending.over("charger reported unplugged");
        }
        boolean confirmedNow = UserDevices.confirmedDuring(p, vehiclePlug);
        if (p.memory().verdict() == Verdict.REJECTED) {
            return Ending.withdrawn("rejected by a person");
        }
        if (!detectionEnabled && !confirmedNow) {
            return Ending.over("pairing detection is off for this client");
        }
        if (a.ruledOut() && !confirmedNow) {
            return Ending.withdrawn("evidence against: " + worst(a));
        }
        return null;
    }

    /** A person's confirmation during the current plug-in wins over whatever holds either device. */
    private void honourConfirmations(Map<String, Assessment> plugged, Set<String> held, Instant now) {
        for (Pair p : book.all()) {
            if (p.state() == PairState.ACTIVE || !plugged.containsKey(p.id()) || !devices.confirmedNow(p)) {
                continue;
            }
            for (Pair holder : book.all()) {
                if (holder.state() == PairState.ACTIVE && UserDevices.sharesDevice(holder, p)) {
                    moves.end(holder, Ending.withdrawn("a person confirmed pair " + p.id()), now);
                    held.remove(holder.vehicleId());
                    held.remove(holder.chargerId());
                }
            }
            moves.activate(p, plugged.get(p.id()), "confirmed by a person", now);
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
            if (p.state() != PairState.ACTIVE || a == null || devices.confirmedNow(p)) {
                continue;
            }
            List<String> contenders = rivalry.rivals(p, a, plugged).stream()
                    .filter(id -> plugged.get(id).convincing(rule)).toList();
            if (!contenders.isEmpty()) {
                moves.end(p, Ending.withdrawn("contested: as plausible as " + contenders.size() + " other pair(s)"),
                        now);
                held.remove(p.vehicleId());
                held.remove(p.chargerId());
            }
        }
    }

    /** A pair that is not active: activated, AMBIGUOUS, or left INACTIVE with the reason it waits. */
    private void place(Pair p, Map<String, Assessment> plugged, Set<String> held, Instant now,
            boolean detectionEnabled) {
        Assessment a = plugged.get(p.id());
        if (a == null || !detectionEnabled) {
            moves.settle(p, PairState.INACTIVE, a, List.of(),
                    a == null ? "not both plugged in" : "pairing detection is off", now);
            return;
        }
        if (!a.convincing(rule)) {
            moves.settle(p, PairState.INACTIVE, a, List.of(), "not convincing (score %s)".formatted(a.score()), now);
            return;
        }
        if (rivalry.heldByConfirmation(p)) {
            moves.settle(p, PairState.INACTIVE, a, List.of(), "a device is in a pair a person confirmed", now);
            return;
        }
        List<String> rivals = rivalry.rivals(p, a, plugged);
        String unplugNews;
        if (!rivals.isEmpty()) {
            moves.settle(p, PairState.AMBIGUOUS, a, rivals, "as plausible as " + rivals.size() + " other pair(s)",
                    now);
        } else if (held.contains(p.vehicleId()) || held.contains(p.chargerId())) {
            moves.settle(p, PairState.INACTIVE, a, List.of(), "a device is in another active pair", now);
        } else if (!a.corroborated()) {
            moves.settle(p, PairState.INACTIVE, a, List.of(), a.ratesComparable()
                    ? "waiting for a rate comparison, the place or a person to agree"
                    : "timing only: waiting for a measurement or the place to agree", now);
        } else if ((unplugNews = rivalry.silentLookAlike(p, now)) != null) {
            moves.settle(p, PairState.INACTIVE, a, List.of(), "waiting for news: " + unplugNews, now);
        } else if ((unplugNews = rivalry.rivalJustUnplugged(p)) != null) {
            moves.settle(p, PairState.INACTIVE, a, List.of(), "waiting for news: " + unplugNews, now);
        } else {
            moves.activate(p, a, "convincing and unrivalled (score %s)".formatted(a.score()), now);
            held.add(p.vehicleId());
            held.add(p.chargerId());
        }
    }

    private static String worst(Assessment a) {
        return a.evidence().stream().min(Comparator.comparingDouble(Evidence::score))
                .map(e -> e.signal() + ": " + e.detail()).orElse("");
    }
}
