package io.plugmate.orchestration.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.problem.ConflictProblem;
import io.plugmate.commons.problem.NotFoundProblem;
import io.plugmate.commons.problem.PreconditionProblem;
import io.plugmate.commons.time.WallClock;
import io.plugmate.events.ActionState;
import io.plugmate.orchestration.domain.ActionLifecycle;
import io.plugmate.orchestration.domain.ActionRequest;
import io.plugmate.orchestration.domain.Change;
import io.plugmate.orchestration.domain.FailureType;
import io.plugmate.orchestration.domain.Policies;
import io.plugmate.orchestration.domain.Routing;
import io.plugmate.orchestration.domain.RoutingDecision;
import io.plugmate.orchestration.domain.RoutingInput;
import io.plugmate.orchestration.domain.Toggles;
import io.plugmate.orchestration.persistence.ActionEntity;
import io.plugmate.orchestration.persistence.ActionRepository;
import io.plugmate.orchestration.persistence.DeviceEntity;
import io.plugmate.orchestration.persistence.DeviceRepository;
import io.plugmate.orchestration.persistence.UserLock;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Creating and cancelling actions, under the target user's lock. A new action replaces whatever is pending on its
 * target or on the device its commands go to (one active action per device); the same request again while it is
 * pending (Enode) or a retry with the same {@code Idempotency-Key} gets the existing action back.
 */
@ApplicationScoped
public class ActionService {

    private final DeviceRepository devices;
    private final ActionRepository actions;
    private final DeviceFactsLoader loader;
    private final ClientToggles toggles;
    private final ActionWriter writer;
    private final UserLock locks;
    private final Policies policies;

    public ActionService(DeviceRepository devices, ActionRepository actions, DeviceFactsLoader loader,
            ClientToggles toggles, ActionWriter writer, UserLock locks, Policies policies) {
        this.devices = devices;
        this.actions = actions;
        this.loader = loader;
        this.toggles = toggles;
        this.writer = writer;
        this.locks = locks;
        this.policies = policies;
    }

    /** @param created false when an existing action was returned (idempotent retry, or the same request pending) */
    public record Outcome(ActionEntity action, boolean created) {
    }

    /** @throws NotFoundProblem for a device the client does not have (another client's included) */
    @WithTransaction
    public Uni<Outcome> create(String clientId, ActionRequest request, String idempotencyKey) {
        // the lock first, then the rows: what is read under the lock is what the last holder committed. The statement
        // that finds the device's user takes the lock; the device is read once, in the next statement, under it
        return locks.lockUserOfDevice(clientId, request.targetType(), request.targetId())
                .onItem().ifNull().failWith(() -> notFound(request))
                .chain(userId -> devices.findCommandTarget(clientId, request.targetType(), request.targetId(),
                        idempotencyKey))
                // unlinked while this request waited for the lock
                .onItem().ifNull().failWith(() -> notFound(request))
                .chain(target -> {
                    ActionEntity replay = byKey(target.keyed(), request);
                    return replay != null ? Uni.createFrom().item(new Outcome(replay, false))
                            : createLocked(target.device(), toggles.of(target.features()), request, idempotencyKey);
                });
    }

    @WithTransaction
    public Uni<ActionEntity> cancel(String clientId, UUID id) {
        return locks.lockUserOfAction(clientId, id)
                .onItem().ifNull().failWith(() -> NotFoundProblem.of("action", id.toString()))
                .chain(() -> actions.findOwned(clientId, id))
                .chain(row -> {
                    if (row.state != ActionState.PENDING) {
                        return Uni.createFrom().failure(new ConflictProblem("Action " + id + " is already "
                                + row.state + "; only a PENDING action can be cancelled."));
                    }
                    Change change = ActionLifecycle.cancel(row.toDomain(),
                            FailureType.CANCELLED_BY_CLIENT.because("Cancelled by the client."), WallClock.now());
                    return writer.write(row, change);
                });
    }

    private static NotFoundProblem notFound(ActionRequest request) {
        return NotFoundProblem.of(request.targetType().wireName(), request.targetId());
    }

    private Uni<Outcome> createLocked(DeviceEntity device, Toggles toggles, ActionRequest request,
            String idempotencyKey) {
        Instant now = WallClock.now();
        String clientId = device.clientId;
        return loader.around(device).map(s -> s.routing(request, toggles))
                .chain(input -> {
                    RoutingDecision decision = Routing.decide(input);
                    return pendingAround(clientId, request, decision).chain(pending -> {
                        ActionEntity same = pending.stream()
                                .filter(a -> a.toDomain().sameRequestAs(request)).findFirst().orElse(null);
                        if (same != null) {
                            return Uni.createFrom().item(new Outcome(same, false));
                        }
                        return createAndReplace(device, input, decision, pending, idempotencyKey, now);
                    });
                });
    }

    /** The replaced actions cancelled, then the new one, written together (their events in one statement). */
    private Uni<Outcome> createAndReplace(DeviceEntity target, RoutingInput input, RoutingDecision decision,
            List<ActionEntity> pending, String idempotencyKey, Instant now) {
        ActionRequest request = input.request();
        UUID id = UUID.randomUUID();
        Change created = ActionLifecycle.create(id, target.clientId, target.userId, input, decision, policies, now);
        List<ActionWriter.Write> writes = new ArrayList<>();
        for (ActionEntity old : pending) {
            writes.add(new ActionWriter.Write(old, ActionLifecycle.cancel(old.toDomain(),
                    FailureType.SUPERSEDED.because("Replaced by action %s (%s on %s %s).".formatted(id,
                            request.kind(), request.targetType().wireName(), request.targetId())),
                    now)));
        }
        ActionEntity row = new ActionEntity();
        row.idempotencyKey = idempotencyKey;
        row.requestFingerprint = idempotencyKey == null ? null : ActionRequests.fingerprint(request);
        writes.add(new ActionWriter.Write(row, created));
        return writer.writeAll(writes).replaceWith(() -> new Outcome(row, true));
    }

    /**
     * Pending actions on the target and on the device the new action's commands would go to, in one statement: those
     * on the target first, then the route's others, each oldest first.
     */
    private Uni<List<ActionEntity>> pendingAround(String clientId, ActionRequest request, RoutingDecision decision) {
        String target = request.targetId();
        String routed = decision.chosen() == null ? target : decision.chosen().deviceId();
        return actions.pendingInvolvingEither(clientId, target, routed).map(rows -> {
            Map<UUID, ActionEntity> byId = new LinkedHashMap<>();
            rows.stream().filter(row -> involves(row, target)).forEach(row -> byId.put(row.id, row));
            rows.stream().filter(row -> involves(row, routed)).forEach(row -> byId.putIfAbsent(row.id, row));
            return List.copyOf(byId.values());
        });
    }

    private static boolean involves(ActionEntity row, String deviceId) {
        return deviceId.equals(row.targetId) || deviceId.equals(row.routeDeviceId);
    }

    /** The action an Idempotency-Key was first used for (null: none); 422 when it was used for something else. */
    private static ActionEntity byKey(ActionEntity row, ActionRequest request) {
        if (row != null && !ActionRequests.fingerprint(request).equals(row.requestFingerprint)) {
            throw new PreconditionProblem("This Idempotency-Key was used for another request (action " + row.id
                    + "); use a new key for a new request.");
        }
        return row;
    }
}
