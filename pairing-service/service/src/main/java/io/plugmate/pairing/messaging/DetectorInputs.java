package io.plugmate.pairing.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.DeviceLifecycleEvent;
import io.plugmate.events.Topics;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.messaging.Inbox;
import io.plugmate.messaging.RetriedInPlace;
import io.plugmate.pairing.service.PairingService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The detector's three inputs. A lifecycle record is handled in one transaction with its inbox mark, the state topics'
 * records a batch at a time ({@link InputBatches}: the bulk of the load), so a redelivery changes nothing. A poison
 * record (not JSON, no envelope, the wrong type for its topic, refused by the detector) rolls back and goes to
 * {@code <topic>-dlq} with the reason, and the partition moves on; any other failure (database blip, deadlock) is
 * retried in place ({@link RetriedInPlace}): the detector depends on order, so the partition waits rather than lose an
 * observation. Each channel runs three consumers, each with its own partitions; the user's row lock in
 * {@code DetectorStore} puts one user's inputs in a line.
 */
@ApplicationScoped
@RetriedInPlace
public class DetectorInputs {

    static final String LIFECYCLE_CONSUMER = "pairing-service/" + Topics.DEVICE_LIFECYCLE;
    static final String VEHICLE_STATE_CONSUMER = "pairing-service/" + Topics.VEHICLE_STATE;
    static final String CHARGER_STATE_CONSUMER = "pairing-service/" + Topics.CHARGER_STATE;

    private final Inbox inbox;
    private final PairingService pairing;
    private final InputBatches batches;

    public DetectorInputs(Inbox inbox, PairingService pairing, InputBatches batches) {
        this.inbox = inbox;
        this.pairing = pairing;
        this.batches = batches;
    }

    @Incoming(Topics.DEVICE_LIFECYCLE)
    @WithTransaction
    public Uni<Void> lifecycle(String record) {
        return inbox.handleOnce(LIFECYCLE_CONSUMER, record, DeviceLifecycleEvent.class, pairing::accept);
    }

    @Incoming(Topics.VEHICLE_STATE)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> vehicleState(KafkaRecordBatch<String, String> batch) {
        return batches.apply(VEHICLE_STATE_CONSUMER, batch, VehicleStateObserved.class);
    }

    @Incoming(Topics.CHARGER_STATE)
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    public Uni<Void> chargerState(KafkaRecordBatch<String, String> batch) {
        return batches.apply(CHARGER_STATE_CONSUMER, batch, ChargerStateObserved.class);
    }
}
