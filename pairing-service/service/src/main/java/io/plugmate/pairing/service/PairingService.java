package io.plugmate.pairing.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.features.Feature;
import io.plugmate.commons.features.FeatureToggles;
import io.plugmate.commons.problem.ConflictProblem;
import io.plugmate.commons.problem.NotFoundProblem;
import io.plugmate.commons.time.WallClock;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.messaging.Outbox;
import io.plugmate.pairing.domain.Outcome;
import io.plugmate.pairing.domain.Pair;
import io.plugmate.pairing.domain.PairState;
import io.plugmate.pairing.domain.Transition;
import io.plugmate.pairing.domain.UserDetector;
import io.plugmate.pairing.domain.Verdict;
import io.plugmate.pairing.persistence.DetectorStore;
import io.plugmate.pairing.persistence.PairEntity;
import io.plugmate.pairing.persistence.PairProjection;
import io.plugmate.pairing.persistence.PairRepository;
import io.plugmate.pairing.persistence.UserKey;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The one path every change of a user's pairs takes, whether a Kafka record or a person's verdict caused it: lock the
 * user's detector row, restore the detector, apply, store the snapshot, project pairs and history, publish the pair
 * events through the outbox — all in one transaction, so a crash anywhere leaves either all of it or none.
 */
@ApplicationScoped
public class PairingService {

    private final DetectorStore store;
    private final PairProjection projection;
    private final PairRepository pairs;
    private final Outbox outbox;
    private final FeatureToggles toggles;
    private final DecisionMetrics decisions;

    public PairingService(DetectorStore store, PairProjection projection, PairRepository pairs, Outbox outbox,
            FeatureToggles toggles, DecisionMetrics decisions) {
        this.store = store;
        this.projection = projection;
        this.pairs = pairs;
        this.outbox = outbox;
        this.toggles = toggles;
        this.decisions = decisions;
    }

    /**
     * One input event, inside the consumer's transaction (which also holds its inbox mark). A failure rolls all of it
     * back, and the channel's dead-letter strategy sends the record to its DLQ with the failure's message.
     */
    public Uni<Void> accept(PlugmateEvent event) {
        return Uni.createFrom().voidItem().invoke(() -> InputEvents.check(event))
                .chain(() -> store.lock(event.clientId(), event.userId()))
                .chain(detector -> {
                    List<Pair> before = detector.pairs();
                    // the three topics are consumed at their own speeds: vouch for nothing, the detector takes the
                    // user's inputs in the order they were produced (ADR 0008)
                    Outcome outcome = detect(event,
                            () -> detector.accept(event, detectionEnabled(event.clientId()), null));
                    return (outcome.duplicate() ? Uni.createFrom().voidItem()
                            : record(event.clientId(), event.userId(), detector, before, outcome, WallClock.now()))
                            .invoke(() -> decisions.count(outcome));
                });
    }

    /**
     * A batch of one topic's inputs, first deliveries only, inside the consumer's transaction: each user's row is locked
     * once and their detector restored once, their inputs applied in the batch's order (a partition's order), and
     * every changed detector stored in one statement; then one statement for all their changed pairs, one for all
     * their transitions and one for all their pair events. The same effects as {@link #accept} one by one. An input the
     * detector (or its checks) refuses fails the whole batch with a {@link RefusedInput} naming it; the caller leaves it
     * out and tries again.
     */
    public Uni<List<Outcome>> acceptAll(List<PlugmateEvent> events) {
        Map<UserKey, List<PlugmateEvent>> byUser = new TreeMap<>();
        for (PlugmateEvent event : events) {
            try {
                InputEvents.check(event);
            } catch (RuntimeException refused) {
                throw new RefusedInput(event, refused.getMessage(), refused);
            }
            byUser.computeIfAbsent(new UserKey(event.clientId(), event.userId()), user -> new ArrayList<>()).add(event);
        }
        return store.lockAll(byUser.keySet()).chain(detectors -> {
            Instant now = WallClock.now();
            List<Outcome> outcomes = new ArrayList<>();
            List<UserDetector> changed = new ArrayList<>();
            List<Recorded> records = new ArrayList<>();
            byUser.forEach((user, inputs) -> {
                UserDetector detector = detectors.get(user);
                List<Pair> before = detector.pairs();
                boolean enabled = detectionEnabled(user.clientId());
                List<Outcome> applied = new ArrayList<>();
                for (PlugmateEvent event : inputs) {
                    applied.add(detect(event, () -> detector.accept(event, enabled, null)));
                }
                outcomes.addAll(applied);
                List<Outcome> changes = applied.stream().filter(outcome -> !outcome.duplicate()).toList();
                if (!changes.isEmpty()) {
                    changed.add(detector);
                    records.add(recorded(user, detector, before, changes));
                }
            });
            return store.saveAll(changed, now).chain(() -> project(records, now))
                    .invoke(() -> outcomes.forEach(decisions::count)).replaceWith(outcomes);
        });
    }

    /**
     * A person says the vehicle is plugged into the charger; remembered, and activates it now if both are plugged (an
     * active pair is published again, confirmed). Idempotent: a repeat that changes nothing writes nothing.
     */
    @WithTransaction
    public Uni<PairEntity> confirm(String clientId, String pairId) {
        return verdict(clientId, pairId, Verdict.CONFIRMED);
    }

    /**
     * A person says it is not; an active pair is deactivated (withdrawn), and detection never activates it again.
     * Idempotent like {@link #confirm}.
     */
    @WithTransaction
    public Uni<PairEntity> reject(String clientId, String pairId) {
        return verdict(clientId, pairId, Verdict.REJECTED);
    }

    private Uni<PairEntity> verdict(String clientId, String pairId, Verdict verdict) {
        return pairs.findOwned(clientId, pairId)
                .onItem().ifNull().failWith(() -> NotFoundProblem.of("pair", pairId))
                .chain(row -> store.lock(clientId, row.userId).chain(detector -> {
                    Pair pair = detector.pair(pairId);
                    if (pair == null) {
                        return Uni.createFrom().failure(NotFoundProblem.of("pair", pairId));
                    }
                    if (pair.state() == PairState.DISSOLVED) {
                        return Uni.createFrom().failure(new ConflictProblem(
                                "Pair " + pairId + " is dissolved: its vehicle or charger was unlinked."));
                    }
                    List<Pair> before = detector.pairs();
                    Instant now = WallClock.now();
                    boolean enabled = detectionEnabled(clientId);
                    Outcome outcome = verdict == Verdict.CONFIRMED ? detector.confirm(pairId, now, enabled)
                            : detector.reject(pairId, now, enabled);
                    if (outcome.duplicate()) {
                        // the same verdict again changes nothing: no history entry, no event, the same answer
                        return Uni.createFrom().item(row);
                    }
                    // the projection writes the row past the session (PairProjection): the managed instance is read
                    // again before it is returned
                    return record(clientId, row.userId, detector, before, outcome, now)
                            .chain(() -> pairs.reread(row));
                }));
    }

    private Uni<Void> record(String clientId, String userId, UserDetector detector, List<Pair> before,
            Outcome outcome, Instant now) {
        return store.save(detector, now).chain(() -> project(
                List.of(recorded(new UserKey(clientId, userId), detector, before, List.of(outcome))), now));
    }

    /** A user's stored changes: what the projection writes and the pair events, in the order the detector made them. */
    private record Recorded(PairProjection.Change change, List<Outbox.Entry> events) {
    }

    private static Recorded recorded(UserKey user, UserDetector detector, List<Pair> before, List<Outcome> outcomes) {
        List<Transition> history = outcomes.stream().flatMap(outcome -> outcome.transitions().stream()).toList();
        List<Outbox.Entry> events = outcomes.stream().flatMap(outcome -> outcome.events().stream())
                .map(event -> new Outbox.Entry(Topics.PAIR_EVENTS, user.userId(), event)).toList();
        return new Recorded(new PairProjection.Change(user.clientId(), user.userId(), before, detector.pairs(),
                history), events);
    }

    /**
     * Pairs, history and pair events of the users' stored changes, each user's in the order the detector made them,
     * the users in the order given: three statements at most, whatever the number of users (issue 14: the statements,
     * not their rows, were the cost — per user they were up to two and one per event).
     */
    private Uni<Void> project(List<Recorded> records, Instant now) {
        List<PairProjection.Change> changes = records.stream().map(Recorded::change).toList();
        List<Outbox.Entry> events = records.stream().flatMap(record -> record.events().stream()).toList();
        return projection.project(changes, now).chain(() -> outbox.publishAll(events));
    }

    private boolean detectionEnabled(String clientId) {
        return toggles.isEnabled(clientId, Feature.PAIRING_DETECTION);
    }

    private static Outcome detect(PlugmateEvent event, Supplier<Outcome> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            throw new DetectorFailure(event, e);
        }
    }
}
