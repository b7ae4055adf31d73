package io.plugmate.orchestration.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.plugmate.commons.time.WallClock;
import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.CommandResult;
import io.plugmate.events.DeviceLifecycleEvent;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.DeviceType;
import io.plugmate.events.DeviceUpdated;
import io.plugmate.events.InvalidEventException;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairAmbiguous;
import io.plugmate.events.PairDeactivated;
import io.plugmate.events.PairDissolved;
import io.plugmate.events.PairEstablished;
import io.plugmate.events.PairEvent;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.orchestration.domain.ActionLifecycle;
import io.plugmate.orchestration.domain.DeviceStatus;
import io.plugmate.orchestration.domain.FailureType;
import io.plugmate.orchestration.domain.PairStatus;
import io.plugmate.orchestration.domain.Policies;
import io.plugmate.orchestration.persistence.ActionEntity;
import io.plugmate.orchestration.persistence.ActionRepository;
import io.plugmate.orchestration.persistence.DeviceEntity;
import io.plugmate.orchestration.persistence.DeviceRepository;
import io.plugmate.orchestration.persistence.PairEntity;
import io.plugmate.orchestration.persistence.PairRepository;
import io.plugmate.orchestration.persistence.UserLock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * What the other services tell orchestration, applied inside the consumer's transaction (which also holds the inbox
 * mark) under the user's lock: devices and their capabilities, reported state (which confirms actions), pairs (which
 * unlock capabilities and end actions that went through them), command results. A record that cannot be applied
 * throws {@link InvalidEventException}: poison, for the DLQ.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);

    private final DeviceRepository devices;
    private final PairRepository pairs;
    private final ActionRepository actions;
    private final UserLock locks;
    private final ClientToggles toggles;
    private final CapabilityService capabilities;
    private final ActionWriter writer;
    private final Rechecks rechecks;
    private final Policies policies;

    public EventIntake(DeviceRepository devices, PairRepository pairs, ActionRepository actions, UserLock locks,
            ClientToggles toggles, CapabilityService capabilities, ActionWriter writer, Rechecks rechecks,
            Policies policies) {
        this.devices = devices;
        this.pairs = pairs;
        this.actions = actions;
        this.locks = locks;
        this.toggles = toggles;
        this.capabilities = capabilities;
        this.writer = writer;
        this.rechecks = rechecks;
        this.policies = policies;
    }

    public Uni<Void> lifecycle(DeviceLifecycleEvent event) {
        requireUser(event);
        if (event.deviceType() == null || event.deviceId() == null) {
            throw new InvalidEventException(event.type() + " without deviceType or deviceId");
        }
        Instant now = WallClock.now();
        return locks.lock(event.clientId(), event.userId())
                .chain(() -> devices.find(event.clientId(), event.deviceType(), event.deviceId()))
                .chain(row -> switch (event) {
                    case DeviceRemoved removed -> row == null ? Uni.createFrom().voidItem() : remove(row, now);
                    default -> link(row, event, now);
                })
                .chain(() -> Panache.getSession().chain(s -> s.flush()))
                .chain(() -> refreshCapabilities(event.clientId(), event.userId()));
    }

    public Uni<Void> observed(VehicleStateObserved e) {
        requireUser(e);
        return observed(e, DeviceType.VEHICLE, e.vehicleId(),
                new DeviceStatus(e.observedAt(), e.isPluggedIn(), e.isCharging(), e.maxCurrentA()));
    }

    public Uni<Void> observed(ChargerStateObserved e) {
        requireUser(e);
        return observed(e, DeviceType.CHARGER, e.chargerId(),
                new DeviceStatus(e.observedAt(), e.isPluggedIn(), e.isCharging(), e.maxCurrentA()));
    }

    public Uni<Void> pair(PairEvent event) {
        requireUser(event);
        if (event.pairId() == null || event.vehicleId() == null || event.chargerId() == null) {
            throw new InvalidEventException(event.type() + " without pairId, vehicleId or chargerId");
        }
        Instant now = WallClock.now();
        return locks.lock(event.clientId(), event.userId())
                .chain(() -> pairs.find(event.clientId(), event.pairId()))
                .chain(row -> upsertPair(row, event, now))
                .chain(() -> Panache.getSession().chain(s -> s.flush()))
                .chain(() -> refreshCapabilities(event.clientId(), event.userId()))
                .chain(() -> ended(event) == null ? Uni.createFrom().voidItem() : endThroughPair(event, now));
    }

    public Uni<Void> result(CommandResult result) {
        if (result.actionId() == null || result.commandId() == null || result.outcome() == null) {
            throw new InvalidEventException("CommandResult without actionId, commandId or outcome");
        }
        return locks.lockUserOfAction(result.clientId(), result.actionId()).chain(userId -> {
            if (userId == null) {
                LOG.debugf("CommandResult for unknown action %s of %s: ignored", result.actionId(),
                        result.clientId());
                return Uni.createFrom().voidItem();
            }
            return actions.findOwned(result.clientId(), result.actionId())
                    .chain(row -> writer.write(row, ActionLifecycle.onResult(row.toDomain(), result, policies,
                            WallClock.now())))
                    .replaceWithVoid();
        });
    }

    private Uni<Void> observed(PlugmateEvent event, DeviceType type, String deviceId, DeviceStatus status) {
        if (deviceId == null || status.observedAt() == null) {
            throw new InvalidEventException(event.type() + " without device id or observedAt");
        }
        Instant now = WallClock.now();
        return locks.lock(event.clientId(), event.userId())
                .chain(() -> devices.find(event.clientId(), type, deviceId))
                .chain(row -> {
                    if (row == null) {
                        return Uni.createFrom().voidItem(); // a device we never heard of: nothing to confirm
                    }
                    if (status.newerThan(row.observedAt)) {
                        row.observedAt = status.observedAt();
                        row.receivedAt = now;
                        row.isPluggedIn = status.isPluggedIn();
                        row.isCharging = status.isCharging();
                        row.reportedMaxCurrentA = status.maxCurrentA();
                        row.updatedAt = now;
                    }
                    return actions.pendingInvolving(event.clientId(), deviceId).chain(pending -> each(pending,
                            a -> writer.write(a, ActionLifecycle.onObservation(a.toDomain(), type, deviceId, status,
                                    now))));
                });
    }

    private Uni<Void> link(DeviceEntity existing, DeviceLifecycleEvent event, Instant now) {
        DeviceEntity row = existing != null ? existing : new DeviceEntity();
        boolean fresh = existing == null;
        if (fresh) {
            row.id = UUID.randomUUID();
            row.clientId = event.clientId();
            row.deviceType = event.deviceType().wireName();
            row.deviceId = event.deviceId();
            row.linkedAt = now;
        }
        row.userId = event.userId();
        row.removed = false;
        row.updatedAt = now;
        switch (event) {
            case DeviceLinked l -> DeviceRows.describe(row, l.vendor(), l.capabilities(), l.electrical());
            case DeviceUpdated u -> {
                DeviceRows.describe(row, u.vendor(), u.capabilities(), u.electrical());
                row.isReachable = u.isReachable();
                row.unreachableReason = Boolean.FALSE.equals(u.isReachable()) ? u.unreachableReason() : null;
            }
            default -> throw new IllegalStateException("not a link: " + event.type());
        }
        return fresh ? Panache.getSession().chain(s -> s.persist(row)) : Uni.createFrom().voidItem();
    }

    private Uni<Void> remove(DeviceEntity row, Instant now) {
        row.removed = true;
        row.updatedAt = now;
        row.publishedCapabilities = null;
        return actions.pendingInvolving(row.clientId, row.deviceId).chain(pending -> each(pending,
                a -> writer.write(a, ActionLifecycle.cancel(a.toDomain(), FailureType.DEVICE_REMOVED.because(
                        "The %s %s was unlinked.".formatted(row.deviceType, row.deviceId)), now))));
    }

    private Uni<Void> upsertPair(PairEntity existing, PairEvent event, Instant now) {
        PairEntity row = existing != null ? existing : new PairEntity();
        boolean fresh = existing == null;
        if (fresh) {
            row.id = UUID.randomUUID();
            row.clientId = event.clientId();
            row.pairId = event.pairId();
            row.establishedAt = event.occurredAt();
            row.state = PairStatus.INACTIVE;
        }
        row.userId = event.userId();
        row.vehicleId = event.vehicleId();
        row.chargerId = event.chargerId();
        row.updatedAt = now;
        switch (event) {
            case PairEstablished e -> {
                // also a re-establishment after both devices were linked again: the pair starts over
                row.state = PairStatus.INACTIVE;
                row.establishedAt = e.occurredAt();
                row.reason = "established";
            }
            case PairActivated a -> {
                row.state = PairStatus.ACTIVE;
                row.confidence = a.confidence();
                row.reason = "activated";
            }
            case PairDeactivated d -> {
                row.state = PairStatus.INACTIVE;
                row.reason = d.reason();
            }
            case PairDissolved d -> {
                row.state = PairStatus.DISSOLVED;
                row.reason = d.reason();
            }
            case PairAmbiguous a -> {
                row.state = PairStatus.AMBIGUOUS;
                row.reason = "ambiguous";
            }
        }
        return fresh ? Panache.getSession().chain(s -> s.persist(row)) : Uni.createFrom().voidItem();
    }

    /** How a pair event ends a pair's being ACTIVE, in words for the plan; null when it does not. */
    private static String ended(PairEvent event) {
        return switch (event) {
            case PairDeactivated d -> "was deactivated (" + d.reason() + ")";
            case PairDissolved d -> "was dissolved (" + d.reason() + ")";
            case PairAmbiguous a -> "became ambiguous";
            default -> null;
        };
    }

    private Uni<Void> endThroughPair(PairEvent event, Instant now) {
        return actions.pendingThroughPair(event.clientId(), event.pairId()).chain(pending -> each(pending,
                a -> rechecks.recheck(a.toDomain()).chain(decision -> writer.write(a, ActionLifecycle.onPairEnded(
                        a.toDomain(), event.pairId(), ended(event), decision, now)))));
    }

    private Uni<Void> refreshCapabilities(String clientId, String userId) {
        return toggles.of(clientId).chain(t -> capabilities.refreshUser(clientId, userId, t));
    }

    private static Uni<Void> each(List<ActionEntity> rows, java.util.function.Function<ActionEntity, Uni<?>> step) {
        return Multi.createFrom().iterable(rows).onItem().transformToUniAndConcatenate(step).collect().last()
                .replaceWithVoid();
    }

    private static void requireUser(PlugmateEvent event) {
        if (event.userId() == null || event.userId().isBlank()) {
            throw new InvalidEventException(event.type() + " without userId");
        }
    }
}
