package io.plugmate.pairing.domain;

import java.time.Instant;
import java.util.List;

import io.plugmate.events.Evidence;

/** The three ways a decision moves a pair: activate it, end its activation, or settle a pair that is not active. */
final class PairMoves {

    private final UserDevices devices;
    private final PairBook book;
    private final DetectorSettings.Decision rule;

    PairMoves(UserDevices devices) {
        this.devices = devices;
        this.book = devices.book;
        this.rule = devices.rule;
    }

    void activate(Pair p, Assessment a, String reason, Instant now) {
        Marks plug = devices.vehiclePlugIn(p);
        Pair current = book.get(p.id());
        Pair fresh = current.withPlugIn(plug.firstAfter()).withUnplug(null)
                .withMemory(current.memory().accountingFor(plug.firstAfter()));
        book.put(fresh);
        book.move(fresh, PairState.ACTIVE, reason, now, confidenceOf(fresh, a), a.evidence(), List.of());
    }

    /** Ends an activation; if a device has reported the unplug, the pair waits for the other's (see UnplugSettlement). */
    void end(Pair p, Ending ending, Instant now) {
        Pair ended = book.deactivate(p, ending, now, p.evidence());
        Instant vehicleOut = devices.vehicle(p.vehicleId()).timeline.firstUnpluggedAfter(p.plugInAt());
        Instant chargerOut = devices.charger(p.chargerId()).timeline.firstUnpluggedAfter(p.plugInAt());
        if (vehicleOut != null || chargerOut != null) {
            boolean vehicleFirst = chargerOut == null || (vehicleOut != null && !vehicleOut.isAfter(chargerOut));
            book.put(ended.withPlugIn(p.plugInAt()).withUnplug(
                    new Pair.Unplug(vehicleFirst ? "vehicle" : "charger", vehicleFirst ? vehicleOut : chargerOut)));
        }
    }

    /** Moves a non-active pair, with a history entry only when its state or its rivals change. */
    void settle(Pair p, PairState to, Assessment a, List<String> rivals, String reason, Instant now) {
        Pair current = book.get(p.id());
        double confidence = a == null ? 0 : a.confidence(rule);
        List<Evidence> evidence = a == null ? current.evidence() : a.evidence();
        if (current.state() != to || !current.candidates().equals(rivals)) {
            book.move(current, to, reason, now, confidence, evidence, rivals);
        } else {
            book.put(current.moved(to, confidence, evidence, rivals, current.updatedAt()));
        }
    }

    /** 1.0 once a person confirmed the pair during this activation's plug-in; else the assessment's. */
    double confidenceOf(Pair p, Assessment a) {
        return p.memory().verdict() == Verdict.CONFIRMED && p.memory().verdictAt() != null
                && p.plugInAt() != null && !p.memory().verdictAt().isBefore(p.plugInAt()) ? 1.0 : a.confidence(rule);
    }
}
