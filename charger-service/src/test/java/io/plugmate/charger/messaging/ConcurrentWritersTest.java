package io.plugmate.charger.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.plugmate.charger.SeededChargers;
import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.events.EventJson;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairDeactivated;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.oem.WebhookSignature;
import io.plugmate.testinfra.KafkaTestClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Every writer of a charger row at once: signed OEM webhooks stream in from several threads while pair events for the
 * same charger are consumed from Kafka. After each event, once it is committed and the observations in flight around
 * it have answered, nothing may be lost: the pair it set and the newest observation's state are both on the row.
 * Without the row lock in the pair consumer it writes back the state it read, older than what was observed meanwhile.
 */
@QuarkusTest
class ConcurrentWritersTest {

    private static final String SECRET = "test-only-webhook-secret-0123456789";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final int THREADS = 4;
    private static final int ROUNDS = 8;
    /** observations each thread still delivers after the event was committed, so some straddle its commit */
    private static final int AFTER = 4;
    /**
     * Stop as soon as the event is committed: a stale state the pair consumer wrote back would otherwise be healed by
     * the next, newer observation, and go unnoticed.
     */
    private static final int NONE_AFTER = 0;

    @TestHTTPResource("/oem/easee/webhooks")
    URI webhooks;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pairEventsAndObservationsOfOneChargerAreAllKept() throws Exception {
        ChargerEntity c = SeededChargers.seed("client-" + UUID.randomUUID(), "user-" + UUID.randomUUID());
        Storm storm = new Storm(c, Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));

        for (int round = 1; round <= ROUNDS; round++) {
            String pair = "pair-" + round;
            String vehicle = "vehicle-" + UUID.randomUUID();
            storm.during(new PairActivated(UUID.randomUUID(), 1, c.clientId, c.userId, Instant.now(), pair, vehicle,
                    c.id.toString(), 0.97, List.of()), Topics.PAIR_EVENTS, NONE_AFTER);
            ChargerEntity stored = storm.assertNewestStateKept();
            assertThat(stored.pairId).as("pair of round %d", round).isEqualTo(pair);
            assertThat(stored.pluggedInVehicleId).as("vehicle of round %d", round).isEqualTo(vehicle);

            storm.during(new PairDeactivated(UUID.randomUUID(), 1, c.clientId, c.userId, Instant.now(), pair, vehicle,
                    c.id.toString(), "VEHICLE_UNPLUGGED"), Topics.PAIR_EVENTS, AFTER);
            stored = storm.assertNewestStateKept();
            assertThat(stored.pairId).as("pair of round %d", round).isNull();
            assertThat(stored.pluggedInVehicleId).as("vehicle of round %d", round).isNull();
        }
        assertThat(storm.delivered.get()).isGreaterThan(ROUNDS * THREADS * AFTER);
    }

    /**
     * The interleaving that loses an observation, forced: a real webhook observation is held inside its transaction
     * (after it took the charger, on the insert of its observation, which a share lock of ours on the table blocks) while
     * the pair event is consumed; then the observation commits. The pair consumer must apply its event to the state
     * that observation committed, not to the copy it could read before.
     */
    @Test
    void aPairEventConsumedWhileAnObservationIsInFlightKeepsThatObservation() throws Exception {
        ChargerEntity c = SeededChargers.seed("client-" + UUID.randomUUID(), "user-" + UUID.randomUUID());
        Storm storm = new Storm(c, Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
        var config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getValue("quarkus.datasource.password", String.class);
        PairActivated pair = new PairActivated(UUID.randomUUID(), 1, c.clientId, c.userId, Instant.now(), "pair-held",
                "vehicle-" + UUID.randomUUID(), c.id.toString(), 0.97, List.of());
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try (Connection holder = DriverManager.getConnection(url, user, password);
                Connection watcher = DriverManager.getConnection(url, user, password)) {
            holder.setAutoCommit(false);
            // blocks the observation's insert (after it took the charger): its key now holds the report's content hash,
            // which an uncommitted row of ours no longer meets, so the whole table is held in share mode instead
            try (PreparedStatement lock = holder.prepareStatement("lock table charger_observation in share mode")) {
                lock.execute();
            }
            Future<?> observation = thread.submit(() -> storm.deliver(storm.delivered.getAndIncrement()));
            await().atMost(PATIENCE).until(() -> waiting(watcher) >= 1); // the observation, holding the charger
            KafkaTestClient.send(Topics.PAIR_EVENTS, pair.userId(), EventJson.write(pair));
            await().atMost(PATIENCE).until(() -> waiting(watcher) >= 2); // the pair consumer, waiting for the charger
            holder.rollback();
            observation.get(60, TimeUnit.SECONDS);
        } finally {
            thread.shutdownNow();
        }
        await().atMost(PATIENCE).until(() -> processed(pair.eventId()));
        assertThat(storm.failures).isEmpty();
        ChargerEntity stored = storm.assertNewestStateKept();
        assertThat(stored.pairId).isEqualTo("pair-held");
        assertThat(stored.pluggedInVehicleId).isEqualTo(pair.vehicleId());
    }

    private static int waiting(Connection watcher) throws SQLException {
        try (var statement = watcher.createStatement();
                var rows = statement.executeQuery(
                        """
                                select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()""")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Webhook observations of one charger delivered from several threads, each newer than the one before. */
    private final class Storm {

        private final ChargerEntity charger;
        private final Instant base;
        private final AtomicInteger delivered = new AtomicInteger();
        private final Queue<String> failures = new ConcurrentLinkedQueue<>();

        Storm(ChargerEntity charger, Instant base) {
            this.charger = charger;
            this.base = base;
        }

        /** Publishes the event and keeps observations coming until it is committed and a little after. */
        void during(PlugmateEvent event, String topic, int observationsAfter) throws Exception {
            AtomicBoolean committed = new AtomicBoolean();
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    workers.add(threads.submit(() -> {
                        int after = 0;
                        while (!committed.get() || after < observationsAfter) {
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

        /** Every delivery has answered: the newest observation must be the charger's state. */
        ChargerEntity assertNewestStateKept() {
            int newest = delivered.get() - 1;
            ChargerEntity stored = reload(charger.id);
            assertThat(stored.stateObservedAt).as("state of observation %d", newest).isEqualTo(observedAt(newest));
            assertThat(stored.chargeRateKw).isEqualTo(rate(newest));
            assertThat(stored.energyMeterKwh).isEqualTo(meter(newest));
            return stored;
        }

        private void deliver(int n) {
            Instant at = observedAt(n);
            String body = """
                    {"deliveryId":"d","event":"charger.state","vendor":"EASEE","accountId":"acct-1","deliveredAt":"%s",
                     "report":{"reportId":"r-%s","chargerId":"%s","vendor":"EASEE","observedAt":"%s",
                     "isPluggedIn":true,"isCharging":true,"chargeRateKw":%s,"maxCurrentA":16,"energyMeterKwh":%s}}"""
                    .formatted(at, UUID.randomUUID(), charger.vendorChargerId, at, rate(n), meter(n));
            HttpRequest request = HttpRequest.newBuilder(webhooks).header("Content-Type", "application/json")
                    .header("X-Oem-Delivery-Id", UUID.randomUUID().toString())
                    .header("X-Oem-Signature", WebhookSignature.header(SECRET, Instant.now().getEpochSecond(),
                            body.getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200 || !response.body().contains("\"chargersUpdated\":1")) {
                    failures.add(n + ": " + response.statusCode() + " " + response.body());
                }
            } catch (Exception e) {
                failures.add(n + ": " + e);
            }
        }

        private Instant observedAt(int n) {
            return base.plusMillis(n);
        }

        private static double rate(int n) {
            return n % 23;
        }

        private static double meter(int n) {
            return 1000.0 + n;
        }
    }

    private static ChargerEntity reload(UUID id) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.find(ChargerEntity.class, id))));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
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
