package io.plugmate.vehicle.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.EventJson;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairDeactivated;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.oem.WebhookSignature;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.vehicle.SeededVehicles;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Every writer of a vehicle row at once: signed OEM webhooks stream in from several threads while pair events and
 * charger readings are consumed from Kafka for the same vehicle. After each event, once it is committed and the
 * observations in flight around it have answered, nothing may be lost: the pair (or the charger's rate) it set and
 * the newest observation's state are both on the row. Without the row lock a writer puts back the copy it read.
 */
@QuarkusTest
class ConcurrentWritersTest {

    private static final String SECRET = "test-only-webhook-secret-0123456789";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int THREADS = 4;
    private static final int ROUNDS = 6;
    /** observations each thread still delivers after the event was committed, so some straddle its commit */
    private static final int AFTER = 4;

    @TestHTTPResource("/oem/tesla/webhooks")
    URI webhooks;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pairEventsChargerReadingsAndObservationsOfOneVehicleAreAllKept() throws Exception {
        VehicleEntity v = SeededVehicles.seed("client-" + UUID.randomUUID(), "user-" + UUID.randomUUID());
        Storm storm = new Storm(v, Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));

        for (int round = 1; round <= ROUNDS; round++) {
            String pair = "pair-" + round;
            String charger = "charger-" + UUID.randomUUID();
            storm.during(new PairActivated(UUID.randomUUID(), 1, v.clientId, v.userId, Instant.now(), pair,
                    v.id.toString(), charger, 0.97, List.of()), Topics.PAIR_EVENTS);
            VehicleEntity stored = storm.assertNewestStateKept();
            assertThat(stored.pairId).as("pair of round %d", round).isEqualTo(pair);
            assertThat(stored.pluggedInChargerId).as("charger of round %d", round).isEqualTo(charger);

            double rate = 3.0 + round;
            storm.during(new ChargerStateObserved(UUID.randomUUID(), 1, v.clientId, v.userId, Instant.now(), charger,
                    "EASEE", Instant.now(), true, true, rate, 32.0), Topics.CHARGER_STATE);
            stored = storm.assertNewestStateKept();
            assertThat(stored.pluggedInChargerId).as("charger of round %d", round).isEqualTo(charger);
            assertThat(stored.chargerChargeRateKw).as("charger rate of round %d", round).isEqualTo(rate);
        }

        VehicleEntity last = SeededVehicles.reload(v.id);
        storm.during(new PairDeactivated(UUID.randomUUID(), 1, v.clientId, v.userId, Instant.now(), last.pairId,
                v.id.toString(), last.pluggedInChargerId, "VEHICLE_UNPLUGGED"), Topics.PAIR_EVENTS);
        VehicleEntity stored = storm.assertNewestStateKept();
        assertThat(stored.pairId).isNull();
        assertThat(stored.pluggedInChargerId).isNull();
        assertThat(stored.chargerChargeRateKw).isNull();
        assertThat(storm.delivered.get()).isGreaterThan(ROUNDS * 2 * THREADS * AFTER);
    }

    /** Webhook observations of one vehicle delivered from several threads, each newer than the one before. */
    private final class Storm {

        private final VehicleEntity vehicle;
        private final Instant base;
        private final AtomicInteger delivered = new AtomicInteger();
        private final Queue<String> failures = new ConcurrentLinkedQueue<>();

        Storm(VehicleEntity vehicle, Instant base) {
            this.vehicle = vehicle;
            this.base = base;
        }

        /** Publishes the event and keeps observations coming until it is committed and a little after. */
        void during(PlugmateEvent event, String topic) throws Exception {
            AtomicBoolean committed = new AtomicBoolean();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    workers.add(threads.submit(() -> {
                        int after = 0;
                        while (after < AFTER) {
                            boolean wasCommitted = committed.get();
                            deliver(delivered.getAndIncrement());
                            if (wasCommitted) {
                                after++;
                            }
                        }
                        return null;
                    }));
                }
                KafkaTestClient.send(topic, event.userId(), EventJson.write(event));
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(20)).until(() -> processed(event.eventId()));
                committed.set(true);
                for (Future<?> worker : workers) {
                    worker.get(60, TimeUnit.SECONDS);
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(failures).isEmpty();
        }

        /** Every delivery has answered: the newest observation must be the vehicle's state. */
        VehicleEntity assertNewestStateKept() {
            int newest = delivered.get() - 1;
            VehicleEntity stored = SeededVehicles.reload(vehicle.id);
            assertThat(stored.stateObservedAt).as("state of observation %d", newest).isEqualTo(observedAt(newest));
            assertThat(stored.batteryLevel).isEqualTo(battery(newest));
            return stored;
        }

        private void deliver(int n) {
            Instant at = observedAt(n);
            String body = """
                    {"deliveryId":"d","event":"vehicle.state","vendor":"TESLA","accountId":"acct-1","deliveredAt":"%s",
                     "report":{"reportId":"r-%s","vehicleId":"%s","vendor":"TESLA","observedAt":"%s",
                     "isPluggedIn":true,"isCharging":true,"chargeRateKw":7.1,"batteryLevel":%s,"rangeKm":250}}"""
                    .formatted(at, UUID.randomUUID(), vehicle.vendorVehicleId, at, battery(n));
            HttpRequest request = HttpRequest.newBuilder(webhooks).header("Content-Type", "application/json")
                    .header("X-Oem-Delivery-Id", UUID.randomUUID().toString())
                    .header("X-Oem-Signature", WebhookSignature.header(SECRET, Instant.now().getEpochSecond(),
                            body.getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200 || !response.body().contains("\"vehiclesUpdated\":1")) {
                    failures.add(n + ": " + response.statusCode() + " " + response.body());
                }
            } catch (Exception e) {
                failures.add(n + ": " + e);
            }
        }

        private Instant observedAt(int n) {
            return base.plusMillis(n);
        }

        private static double battery(int n) {
            return n % 100;
        }
    }

    private static boolean processed(UUID eventId) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery("select count(*) from processed_event where event_id = :id")
                            .setParameter("id", eventId).getSingleResult())
                    .map(count -> ((Number) count).longValue() > 0)));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
