package io.plugmate.orchestration.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.events.ActionUpdated;
import io.plugmate.events.DeviceCommand;
import io.plugmate.events.DeviceType;
import io.plugmate.events.Topics;
import io.plugmate.messaging.Outbox;
import io.plugmate.orchestration.domain.Action;
import io.plugmate.orchestration.domain.Change;
import io.plugmate.orchestration.domain.Dispatch;
import io.plugmate.orchestration.persistence.ActionEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Makes a {@link Change} real inside the caller's transaction: the row written, each command on
 * {@code vehicle-commands}/{@code charger-commands} (key deviceId) and each state change on {@code action-events}
 * (key targetId), all through the outbox, so they go out exactly when the change commits.
 */
@ApplicationScoped
public class ActionWriter {

    private final Outbox outbox;
    private final ActionMetrics metrics;

    public ActionWriter(Outbox outbox, ActionMetrics metrics) {
        this.outbox = outbox;
        this.metrics = metrics;
    }

    /** @param row the action's managed row, or a new one (then persisted) */
    public Uni<ActionEntity> write(ActionEntity row, Change change) {
        boolean fresh = row.id == null;
        row.apply(change.action());
        Uni<ActionEntity> saved = fresh ? Panache.getSession().chain(s -> s.persist(row)).replaceWith(row)
                : Uni.createFrom().item(row);
        for (Dispatch dispatch : change.dispatches()) {
            saved = saved.call(() -> outbox.publish(topic(dispatch.deviceType()), dispatch.deviceId(),
                    command(change.action(), dispatch)));
        }
        if (change.stateChanged()) {
            saved = saved.call(() -> outbox.publish(Topics.ACTION_EVENTS, change.action().targetId(),
                    updated(change.action()))).invoke(() -> metrics.ended(change.action()));
        }
        // the partial unique index (one PENDING action per target) is checked statement by statement: a replaced
        // action's CANCELLED must be in the database before its successor's PENDING row is inserted
        return saved.call(() -> Panache.getSession().chain(s -> s.flush()));
    }

    private static String topic(DeviceType type) {
        return type == DeviceType.VEHICLE ? Topics.VEHICLE_COMMANDS : Topics.CHARGER_COMMANDS;
    }

    private static DeviceCommand command(Action action, Dispatch d) {
        return new DeviceCommand(UUID.randomUUID(), DeviceCommand.SCHEMA_VERSION, action.clientId(), action.userId(),
                action.updatedAt(), d.commandId(), action.id(), d.deviceType(), d.deviceId(), d.kind(),
                d.maxCurrentA(), d.maxPowerKw(), d.deadline());
    }

    private static ActionUpdated updated(Action a) {
        return new ActionUpdated(UUID.randomUUID(), ActionUpdated.SCHEMA_VERSION, a.clientId(), a.userId(),
                a.updatedAt(), a.id(), a.targetType(), a.targetId(), a.kind(), a.state(), a.failureReason(),
                a.pairedDevice());
    }
}
