package io.plugmate.orchestration.messaging;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.CommandResult;
import io.plugmate.events.DeviceLifecycleEvent;
import io.plugmate.events.InvalidEventException;
import io.plugmate.events.PairEvent;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.messaging.Inbox;
import io.plugmate.messaging.RetriedInPlace;
import io.plugmate.orchestration.service.EventIntake;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Orchestration's inputs, one channel per topic (group {@code orchestration-service}). Each record is applied in one
 * transaction with its inbox mark ({@code orchestration-service/<topic>}), so a redelivered eventId changes nothing.
 * <p>
 * Two kinds of failure, two fates. A record that cannot be read or applied ({@link InvalidEventException}: not JSON, no
 * envelope, the wrong type for its topic, required fields missing) is poison: it goes to {@code <topic>-dlq} with
 * {@code dead-letter-reason} and the partition moves on. Anything else (the database is down, a lock conflict) is
 * transient: the whole transaction is retried in place with exponential back-off up to 30 s, for as long as it takes,
 * and never dead-lettered — the records behind it wait, in order (docs/adr/0009; service-messaging's
 * {@link RetriedInPlace}, shared by every service's consumers). The retry wraps the transaction, so each attempt starts
 * clean.
 */
@ApplicationScoped
@RetriedInPlace
public class EventConsumers {

    static final String CONSUMER = "orchestration-service/";

    private final Inbox inbox;
    private final EventIntake intake;

    public EventConsumers(Inbox inbox, EventIntake intake) {
        this.inbox = inbox;
        this.intake = intake;
    }

    @Incoming(Topics.DEVICE_LIFECYCLE)
    public Uni<Void> lifecycle(String record) {
        return once(Topics.DEVICE_LIFECYCLE, record, DeviceLifecycleEvent.class, intake::lifecycle);
    }

    @Incoming(Topics.VEHICLE_STATE)
    public Uni<Void> vehicleState(String record) {
        return once(Topics.VEHICLE_STATE, record, VehicleStateObserved.class, intake::observed);
    }

    @Incoming(Topics.CHARGER_STATE)
    public Uni<Void> chargerState(String record) {
        return once(Topics.CHARGER_STATE, record, ChargerStateObserved.class, intake::observed);
    }

    @Incoming(Topics.PAIR_EVENTS)
    public Uni<Void> pairs(String record) {
        return once(Topics.PAIR_EVENTS, record, PairEvent.class, intake::pair);
    }

    @Incoming(Topics.COMMAND_RESULTS)
    public Uni<Void> results(String record) {
        return once(Topics.COMMAND_RESULTS, record, CommandResult.class, intake::result);
    }

    private <T extends PlugmateEvent> Uni<Void> once(String topic, String record, Class<T> type,
            Function<T, Uni<Void>> apply) {
        return Panache.withTransaction(() -> inbox.handleOnce(CONSUMER + topic, record, type,
                event -> Uni.createFrom().deferred(() -> apply.apply(event))));
    }
}
