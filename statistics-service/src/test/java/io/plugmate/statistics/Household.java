package io.plugmate.statistics;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.plugmate.events.ChargerSessionRecorded;
import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceLifecycleEvent;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.DeviceType;
import io.plugmate.events.DeviceUpdated;
import io.plugmate.events.EventJson;
import io.plugmate.events.Evidence;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairAmbiguous;
import io.plugmate.events.PairDeactivated;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.testinfra.KafkaResource;
import io.plugmate.testinfra.KafkaTestClient;

/**
 * A fresh API client with one user, a car and a wallbox (random ids, so tests never see each other's data), and the
 * events the device services and pairing-service publish about them, at event times relative to an evening (the
 * device announcements at the wall clock).
 */
public final class Household {

    public static final Duration PATIENCE = Duration.ofSeconds(60);
    /** 18:00 UTC on a Tuesday in November: 19:00 in Oslo. */
    public static final Instant EVENING = Instant.parse("2026-11-24T18:00:00Z");

    private final String clientId;
    private final String userId;
    private final String vehicleId;
    private final String chargerId;
    private final String pairId;
    private double meter = 1000;

    private Household(String clientId, String userId, String vehicleId, String chargerId, String pairId) {
        this.clientId = clientId;
        this.userId = userId;
        this.vehicleId = vehicleId;
        this.chargerId = chargerId;
        this.pairId = pairId;
    }

    public static Household fresh() {
        return new Household("client-" + UUID.randomUUID(), "u-" + UUID.randomUUID().toString().substring(0, 8),
                UUID.randomUUID().toString(), UUID.randomUUID().toString(), UUID.randomUUID().toString());
    }

    /** The same user and devices under another API client: a replay of this household's topics that can sit beside it. */
    public Household twin() {
        return new Household("client-" + UUID.randomUUID(), userId, vehicleId, chargerId, pairId);
    }

    /** The event as it would be for this household's client, with an event id of its own. */
    @SuppressWarnings("unchecked")
    public <T extends PlugmateEvent> T copy(T event) {
        try {
            var tree = (com.fasterxml.jackson.databind.node.ObjectNode) EventJson.mapper().readTree(EventJson.write(event));
            tree.put("clientId", clientId).put("eventId", UUID.randomUUID().toString());
            return (T) EventJson.read(tree.toString(), PlugmateEvent.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String clientId() {
        return clientId;
    }

    public String userId() {
        return userId;
    }

    public String vehicleId() {
        return vehicleId;
    }

    public String chargerId() {
        return chargerId;
    }

    public String pairId() {
        return pairId;
    }

    public static Instant at(int minutes) {
        return EVENING.plus(Duration.ofMinutes(minutes));
    }

    public VehicleStateObserved vehicle(int minute, boolean plugged, boolean charging, double kw) {
        return new VehicleStateObserved(UUID.randomUUID(), 1, clientId, userId, at(minute), vehicleId, "TESLA",
                at(minute), plugged, charging, kw, 50.0, null);
    }

    public ChargerStateObserved charger(int minute, boolean plugged, boolean charging, Double kw) {
        return new ChargerStateObserved(UUID.randomUUID(), 1, clientId, userId, at(minute), chargerId, "TESLA",
                at(minute), plugged, charging, kw, 16.0);
    }

    /** The wall's meter counted {@code kwh} from {@code from} to {@code to} minutes. */
    public ChargerSessionRecorded session(String sessionId, int from, int to, double kwh) {
        double start = meter;
        meter += kwh;
        return new ChargerSessionRecorded(UUID.randomUUID(), 1, clientId, userId, at(to), sessionId, chargerId,
                "TESLA", at(from), at(to), start, meter);
    }

    public PairActivated activated(int minute, double confidence) {
        List<Evidence> evidence = confidence >= 1.0 ? List.of(new Evidence("person", "confirmed by a person", 0.5))
                : List.of(new Evidence("plug-in-timing", "both reported plug-in 35s apart", 0.6));
        return new PairActivated(UUID.randomUUID(), 1, clientId, userId, at(minute), pairId, vehicleId, chargerId,
                confidence, evidence);
    }

    public PairDeactivated deactivated(int minute, String reason) {
        return new PairDeactivated(UUID.randomUUID(), 1, clientId, userId, at(minute), pairId, vehicleId, chargerId,
                reason);
    }

    /** As pairing-service publishes it since schema 2: it says itself whether the activation is withdrawn. */
    public PairDeactivated deactivated(int minute, String reason, boolean withdrawn) {
        return new PairDeactivated(UUID.randomUUID(), PairDeactivated.SCHEMA_VERSION, clientId, userId, at(minute),
                pairId, vehicleId, chargerId, reason, withdrawn);
    }

    public PairAmbiguous ambiguous(int minute, String pair, String vehicle, String... rivals) {
        return new PairAmbiguous(UUID.randomUUID(), 1, clientId, userId, at(minute), pair, vehicle, chargerId,
                List.of(rivals));
    }

    /**
     * A home charge: plugged at {@code from}, charging at {@code kw} (the car sees 90 %) until {@code to}, reports every
     * 2 minutes from both, the native session metered at exactly kw × time.
     */
    public List<PlugmateEvent> homeCharge(String sessionId, int from, int to, double kw) {
        List<PlugmateEvent> events = new ArrayList<>();
        for (int m = from - 4; m <= to + 4; m += 2) {
            boolean plugged = m >= from && m <= to;
            events.add(charger(m, plugged, plugged, plugged ? kw : 0.0));
            events.add(vehicle(m, plugged, plugged, plugged ? kw * 0.9 : 0.0));
        }
        events.add(session(sessionId, from, to, kw * (to - from) / 60.0));
        return events;
    }

    /**
     * charger-service announcing the wallbox again (schema 3) with the scopes the client's latest link granted for it;
     * null: its account was never told any. Event time is the wall clock, as charger-service stamps it.
     */
    public DeviceUpdated chargerScopes(String... scopes) {
        return new DeviceUpdated(UUID.randomUUID(), DeviceUpdated.SCHEMA_VERSION, clientId, userId, Instant.now(),
                DeviceType.CHARGER, chargerId, "TESLA", DeviceCapabilities.none(), null, true, null,
                scopes == null ? null : List.of(scopes));
    }

    /** An announcement from a charger-service before schema 3: it says nothing about scopes. */
    public DeviceUpdated chargerUpdatedWithoutScopes() {
        return new DeviceUpdated(UUID.randomUUID(), 2, clientId, userId, Instant.now(), DeviceType.CHARGER, chargerId,
                "TESLA", DeviceCapabilities.none(), null, true, null);
    }

    /** The client unlinked the wallbox. */
    public DeviceRemoved chargerRemoved() {
        return new DeviceRemoved(UUID.randomUUID(), DeviceRemoved.SCHEMA_VERSION, clientId, userId, Instant.now(),
                DeviceType.CHARGER, chargerId);
    }

    public static String topic(PlugmateEvent event) {
        return switch (event) {
            case VehicleStateObserved v -> Topics.VEHICLE_STATE;
            case ChargerStateObserved c -> Topics.CHARGER_STATE;
            case ChargerSessionRecorded r -> Topics.CHARGING_SESSIONS;
            case DeviceLifecycleEvent d -> Topics.DEVICE_LIFECYCLE;
            default -> Topics.PAIR_EVENTS;
        };
    }

    public void publish(PlugmateEvent event) {
        KafkaTestClient.send(topic(event), userId, EventJson.write(event));
    }

    /** One producer for the many records of a home charge; acknowledged before this returns. */
    public void publishAll(List<? extends PlugmateEvent> events) {
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers",
                System.getProperty(KafkaResource.BOOTSTRAP_PROPERTY), "acks", "all"), new StringSerializer(),
                new StringSerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (PlugmateEvent e : events) {
                sent.add(producer.send(new ProducerRecord<>(topic(e), userId, EventJson.write(e))));
            }
            for (var f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish", e);
        }
    }

    /** Publishes them all and waits until the service has processed every one. */
    public void publishAndAwait(List<? extends PlugmateEvent> events) {
        publishAll(events);
        List<UUID> ids = events.stream().map(PlugmateEvent::eventId).toList();
        await().atMost(PATIENCE).until(() -> Db.processedCount(ids) == ids.size());
    }

    public void publishAndAwait(PlugmateEvent... events) {
        publishAndAwait(List.of(events));
    }
}
