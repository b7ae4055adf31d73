package io.plugmate.statistics.messaging;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.plugmate.events.ChargerSessionRecorded;
import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.DeviceLifecycleEvent;
import io.plugmate.events.PairEvent;
import io.plugmate.events.Topics;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.messaging.Inbox;
import io.plugmate.messaging.RetriedInPlace;
import io.plugmate.statistics.service.ChargerConsents;
import io.plugmate.statistics.service.SessionLedger;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The four inputs of the sessions, and the chargers' read consent from {@code device-lifecycle}. Each record is handled in one
 * transaction with its inbox mark, so a redelivery changes nothing. A
 * record that fails for its own reasons (not JSON, no envelope, the wrong type for its topic, missing what the rules
 * need) rolls back and goes to {@code <topic>-dlq} with the reason, and the partition moves on. Any other failure
 * (database restarted, lock conflict) is retried in a new transaction, with back-off, for as long as it lasts: the
 * partition waits rather than losing the record (service-messaging's {@link RetriedInPlace}). The channels run concurrently;
 * the user's row lock puts one user's
 * inputs in a line.
 */
@ApplicationScoped
@RetriedInPlace
public class StatisticsInputs {

    static final String CONSUMER = "statistics-service/";

    private final Inbox inbox;
    private final SessionLedger ledger;
    private final ChargerConsents consents;

    public StatisticsInputs(Inbox inbox, SessionLedger ledger, ChargerConsents consents) {
        this.inbox = inbox;
        this.ledger = ledger;
        this.consents = consents;
    }

    @Incoming(Topics.VEHICLE_STATE)
    public Uni<Void> vehicleState(String record) {
        return once(() -> inbox.handleOnce(CONSUMER + Topics.VEHICLE_STATE, record, VehicleStateObserved.class,
                ledger::accept));
    }

    @Incoming(Topics.CHARGER_STATE)
    public Uni<Void> chargerState(String record) {
        return once(() -> inbox.handleOnce(CONSUMER + Topics.CHARGER_STATE, record, ChargerStateObserved.class,
                ledger::accept));
    }

    @Incoming(Topics.CHARGING_SESSIONS)
    public Uni<Void> chargingSessions(String record) {
        return once(() -> inbox.handleOnce(CONSUMER + Topics.CHARGING_SESSIONS, record, ChargerSessionRecorded.class,
                ledger::accept));
    }

    @Incoming(Topics.PAIR_EVENTS)
    public Uni<Void> pairEvents(String record) {
        return once(() -> inbox.handleOnce(CONSUMER + Topics.PAIR_EVENTS, record, PairEvent.class, ledger::accept));
    }

    /** docs/adr/0012: each charger's read consent, as its announcements say it. */
    @Incoming(Topics.DEVICE_LIFECYCLE)
    public Uni<Void> deviceLifecycle(String record) {
        return once(() -> inbox.handleOnce(CONSUMER + Topics.DEVICE_LIFECYCLE, record, DeviceLifecycleEvent.class,
                consents::accept));
    }

    private static Uni<Void> once(Supplier<Uni<Void>> handling) {
        return Panache.withTransaction(handling);
    }
}
