package io.plugmate.vehicle.messaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Acknowledgment;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.plugmate.commons.time.WallClock;
import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.EventJson;
import io.plugmate.messaging.Inbox;
import io.plugmate.messaging.RecordBatches;
import io.plugmate.messaging.RetriedInPlace;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.plugmate.vehicle.persistence.VehicleRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Keeps the wall measurement of the charger each vehicle is plugged into, for the improved charge rate. A batch of
 * records is one transaction (issue 14: one per record fell behind a webhook load): the inbox marks in one statement,
 * the vehicles plugged into any of the batch's chargers read and locked in one, each given the batch's readings in
 * record order (an older reading changes nothing, so the result is the one of record after record), written by
 * Hibernate at commit.
 * <p>
 * A record that does not read or has no {@code observedAt} is left out and goes alone to {@code charger-state-dlq}
 * with its reason once the rest is committed; any other failure fails the batch and {@link RetriedInPlace} tries it
 * again whole (the inbox makes the repeat harmless).
 */
@ApplicationScoped
public class ChargerStateConsumer {

    static final String CONSUMER = "vehicle-service/charger-state";

    private final VehicleRepository vehicles;
    private final Inbox inbox;

    public ChargerStateConsumer(VehicleRepository vehicles, Inbox inbox) {
        this.vehicles = vehicles;
        this.inbox = inbox;
    }

    @Incoming("charger-state")
    @Acknowledgment(Acknowledgment.Strategy.MANUAL)
    @RetriedInPlace
    public Uni<Void> consume(KafkaRecordBatch<String, String> batch) {
        Map<KafkaRecord<String, String>, Throwable> poison = new LinkedHashMap<>(); // nacked in record order
        List<ChargerStateObserved> events = new ArrayList<>();
        for (KafkaRecord<String, String> record : batch.getRecords()) {
            try {
                events.add(read(record.getPayload()));
            } catch (RuntimeException unreadable) {
                poison.put(record, unreadable);
            }
        }
        // poison was taken out above: a poison-looking failure now is ours, and must not dead-letter the batch
        return RecordBatches.retriedWhole(Panache.withTransaction(() -> apply(events)))
                .chain(() -> RecordBatches.settle(batch, poison));
    }

    private static ChargerStateObserved read(String payload) {
        ChargerStateObserved event = EventJson.read(payload, ChargerStateObserved.class);
        if (event.observedAt() == null) {
            throw new IllegalArgumentException("ChargerStateObserved without observedAt");
        }
        return event;
    }

    private Uni<Void> apply(List<ChargerStateObserved> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return inbox.firstDeliveries(CONSUMER, events.stream().map(ChargerStateObserved::eventId).toList())
                .chain(first -> {
                    List<ChargerStateObserved> fresh = RecordBatches.firstDeliveries(events,
                            ChargerStateObserved::eventId, first);
                    return fresh.isEmpty() ? Uni.createFrom().voidItem() : observe(fresh);
                });
    }

    private Uni<Void> observe(List<ChargerStateObserved> events) {
        Set<Charger> chargers = events.stream().map(Charger::of).collect(Collectors.toCollection(LinkedHashSet::new));
        return vehicles.findPluggedIntoForUpdate(chargers.stream().map(Charger::clientId).toArray(String[]::new),
                chargers.stream().map(Charger::chargerId).toArray(String[]::new))
                .invoke(plugged -> {
                    Map<Charger, List<VehicleEntity>> byCharger = plugged.stream().collect(
                            Collectors.groupingBy(v -> new Charger(v.clientId, v.pluggedInChargerId)));
                    for (ChargerStateObserved event : events) {
                        byCharger.getOrDefault(Charger.of(event), List.of()).forEach(vehicle -> vehicle
                                .chargerRateObserved(event.chargeRateKw(), event.observedAt(), WallClock.now()));
                    }
                })
                .replaceWithVoid();
    }

    /** A charger is its client's: the same id under two clients is two chargers. */
    private record Charger(String clientId, String chargerId) {

        static Charger of(ChargerStateObserved event) {
            return new Charger(event.clientId(), event.chargerId());
        }
    }
}
