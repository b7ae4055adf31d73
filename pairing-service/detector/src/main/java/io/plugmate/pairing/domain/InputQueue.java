package io.plugmate.pairing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.DeviceLifecycleEvent;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.VehicleStateObserved;

/**
 * A user's inputs put back into the order the platform produced them (ADR 0008). The three input topics are consumed
 * at their own speeds, so a user's vehicle reports may arrive minutes before the charger reports of the same minutes.
 * Each topic keeps its own order (one partition per user); across the two state topics, reports are taken in the
 * order of their {@code occurredAt} (when the producing service learnt of them), and one is taken only once the other
 * stream of the user has shown something at least as new — or the caller vouches that everything up to a time has
 * been given, or the other has been silent for {@code maxSkew} while this one went on. The order in which the detector
 * sees the reports then does not depend on how far apart the consumers are, as long as that is less than
 * {@code maxSkew} (less the other stream's longest silence). A wallbox's report produced less than {@code concurrent}
 * after a car's but dated before it goes first: production times that close say nothing (two services, two hosts'
 * clocks; after an outage both send their backlog at once, so a car's reports of the next minutes can be produced a
 * few milliseconds before its wallbox's plug-in). Links and unlinks are taken as they come: a report of a device not
 * linked yet waits for its link.
 */
final class InputQueue {

    /** Ranked for ties: a device's link before its reports, charger before vehicle (the charger usually pushes). */
    enum Stream {
        LIFECYCLE,
        CHARGERS,
        VEHICLES;

        static Stream of(PlugmateEvent event) {
            return switch (event) {
                case DeviceLifecycleEvent l -> LIFECYCLE;
                case ChargerStateObserved c -> CHARGERS;
                case VehicleStateObserved v -> VEHICLES;
                default -> throw new IllegalArgumentException("not a pairing input: " + event.type());
            };
        }
    }

    private final Duration maxSkew;
    private final Duration concurrent;
    /** In arrival order; each stream's entries keep their own order. */
    private final List<PlugmateEvent> pending;

    InputQueue(DetectorSettings.Inputs settings, List<PlugmateEvent> pending) {
        this.maxSkew = settings.maxSkew();
        this.concurrent = settings.concurrent();
        this.pending = new ArrayList<>(pending);
    }

    List<PlugmateEvent> pending() {
        return Collections.unmodifiableList(pending);
    }

    void add(PlugmateEvent event) {
        pending.add(event);
    }

    boolean holds(Predicate<PlugmateEvent> match) {
        return pending.stream().anyMatch(match);
    }

    /**
     * The next input to apply, removed from the queue, or null when every candidate has to wait.
     *
     * @param waitedFor the streams that have devices of this user (a stream without any cannot hold anything up;
     *        the lifecycle stream never does: it is silent for months)
     * @param completeUntil every input that occurred up to this time has been given (null: nobody knows)
     * @param unlinked whether a report is of a device not linked (yet): it also waits for the lifecycle stream, whose
     *        link normally comes first
     */
    PlugmateEvent next(Set<Stream> waitedFor, Instant completeUntil, Predicate<PlugmateEvent> unlinked) {
        int[] heads = { -1, -1, -1 };
        Instant newest = null;
        for (int i = 0; i < pending.size(); i++) {
            PlugmateEvent e = pending.get(i);
            int s = Stream.of(e).ordinal();
            if (heads[s] < 0) {
                heads[s] = i;
            }
            newest = newest == null || at(e).isAfter(newest) ? at(e) : newest;
        }
        if (heads[Stream.LIFECYCLE.ordinal()] >= 0) {
            // links and unlinks wait for nothing (the lifecycle topic is silent for months, and its events are
            // indifferent to the reports around them: a report of an unlinked device is kept, one of a removed
            // device ignored)
            return pending.remove(heads[Stream.LIFECYCLE.ordinal()]);
        }
        int chosen = -1;
        for (int head : heads) {
            if (head >= 0 && (chosen < 0 || takenBefore(pending.get(head), pending.get(chosen)))) {
                chosen = head; // ties keep the stream rank
            }
        }
        if (chosen < 0) {
            return null;
        }
        PlugmateEvent candidate = pending.get(chosen);
        Instant t = at(candidate);
        boolean vouched = completeUntil != null && !t.isAfter(completeUntil);
        boolean othersShown = true;
        Stream own = Stream.of(candidate);
        Set<Stream> awaited = waitedFor.isEmpty() ? EnumSet.noneOf(Stream.class) : EnumSet.copyOf(waitedFor);
        awaited.remove(Stream.LIFECYCLE);
        if (own != Stream.LIFECYCLE && unlinked.test(candidate)) {
            awaited.add(Stream.LIFECYCLE);
        }
        for (Stream s : awaited) {
            if (s != own && heads[s.ordinal()] < 0) {
                othersShown = false;
            }
        }
        boolean othersSilent = Duration.between(t, newest).compareTo(maxSkew) >= 0;
        if (!vouched && !othersShown && !othersSilent) {
            return null;
        }
        return pending.remove(chosen);
    }

    /**
     * Whether one stream's head goes before the other's: by production time — except that a wallbox's report dated
     * before a car's report produced less than {@code concurrent} before it goes first. Only that way round: the car's
     * stream then waits for the wallbox's next report (seconds), as ADR 0008 already accepts; the other way round every
     * report of the wallbox would wait for the car's next one (minutes). Only the two heads are compared, and a report
     * waits for the other stream's head, so the order stays a function of the two streams, not of how far apart their
     * consumers are.
     */
    private boolean takenBefore(PlugmateEvent a, PlugmateEvent b) {
        if (concurrent(a, b)) {
            if (a instanceof ChargerStateObserved wallbox && b instanceof VehicleStateObserved car) {
                return wallbox.observedAt().isBefore(car.observedAt()) || at(a).isBefore(at(b));
            }
            if (a instanceof VehicleStateObserved car && b instanceof ChargerStateObserved wallbox) {
                return !wallbox.observedAt().isBefore(car.observedAt()) && at(a).isBefore(at(b));
            }
        }
        return at(a).isBefore(at(b));
    }

    private boolean concurrent(PlugmateEvent a, PlugmateEvent b) {
        return a.occurredAt() != null && b.occurredAt() != null
                && Duration.between(a.occurredAt(), b.occurredAt()).abs().compareTo(concurrent) < 0;
    }

    /** When the producing service learnt of it; an input without that time waits for nothing. */
    private static Instant at(PlugmateEvent event) {
        return event.occurredAt() == null ? Instant.MIN : event.occurredAt();
    }
}
