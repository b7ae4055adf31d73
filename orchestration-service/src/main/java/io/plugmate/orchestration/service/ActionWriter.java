package io.plugmate.orchestration.service;

import java.util.ArrayList;
import java.util.List;
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

    /** One action's row (managed, or new: then persisted) and the change to make real on it. */
    public record Write(ActionEntity row, Change change) {
    }

    /** @param row the action's managed row, or a new one (then persisted) */
    public Uni<ActionEntity> write(ActionEntity row, Change change) {
        return writeAll(List.of(new Write(row, change))).replaceWith(row);
    }

    /**
     * The rows in the given order, then the events of all the changes in that order in one outbox statement (issue
     * 14): the relay sends them in the order {@link #write} one by one would have.
     */
    public Uni<Void> writeAll(List<Write> writes) {
        Uni<Void> rows = Uni.createFrom().voidItem();
        List<Outbox.Entry> events = new ArrayList<>();
        for (Write write : writes) {
            rows = rows.chain(() -> save(write.row(), write.change().action()));
            events.addAll(events(write.change()));
        }
        return rows.chain(() -> outbox.publishAll(events)).invoke(() -> writes.stream().map(Write::change)
                .filter(Change::stateChanged).forEach(change -> metrics.ended(change.action())));
    }

    private static Uni<Void> save(ActionEntity row, Action action) {
        boolean fresh = row.id == null;
        row.apply(action);
        Uni<Void> saved = fresh ? Panache.getSession().chain(s -> s.persist(row)) : Uni.createFrom().voidItem();
        // the partial unique index (one PENDING action per target) is checked statement by statement: a replaced
        // action's CANCELLED must be in the database before its successor's PENDING row is inserted
        return saved.call(() -> Panache.getSession().chain(s -> s.flush()));
    }

    /** Each command on {@code vehicle-commands}/{@code charger-commands}, then the state change on action-events. */
    private static List<Outbox.Entry> events(Change change) {
        List<Outbox.Entry> events = new ArrayList<>();
        for (Dispatch dispatch : change.dispatches()) {
            events.add(new Outbox.Entry(topic(dispatch.deviceType()), dispatch.deviceId(),
                    command(change.action(), dispatch)));
        }
        if (change.stateChanged()) {
            events.add(new Outbox.Entry(Topics.ACTION_EVENTS, change.action().targetId(), updated(change.action())));
        }
        return events;
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
