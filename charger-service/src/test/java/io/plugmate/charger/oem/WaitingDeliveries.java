package io.plugmate.charger.oem;

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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.plugmate.charger.SeededChargers;
import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.device.WebhookBatches;
import io.plugmate.oem.WebhookSignature;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Deliveries made to wait for one batch, deterministically (issue 14; counted, never timed): every batch slot is taken
 * by a delivery for a charger whose row the test holds locked, so the deliveries queued next wait — in the order queued
 * — until {@link #release()}, and the first slot to free takes them all in one batch.
 */
final class WaitingDeliveries implements AutoCloseable {

    static final String SECRET = "test-only-webhook-secret-0123456789";
    /** How a batch's deliveries are recorded: one statement, an array of them. */
    static final String RECORD = "insert into webhook_delivery (delivery_id, vendor, received_at) select";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final URI webhooks;
    private final WebhookBatches batches;
    private final HttpClient http = HttpClient.newHttpClient();
    private final ExecutorService lockHolder = Executors.newSingleThreadExecutor();
    private final CompletableFuture<Void> released = new CompletableFuture<>();
    private final List<CompletableFuture<HttpResponse<String>>> blockers = new ArrayList<>();
    private CompletableFuture<Void> lockHeld;
    private int queued;

    private WaitingDeliveries(URI webhooks, WebhookBatches batches) {
        this.webhooks = webhooks;
        this.batches = batches;
    }

    /** @param slots how many batches run at once ({@code plugmate.webhooks.batches.in-flight}) */
    static WaitingDeliveries behindBusySlots(URI webhooks, WebhookBatches batches, int slots) {
        WaitingDeliveries waiting = new WaitingDeliveries(webhooks, batches);
        ChargerEntity blocker = SeededChargers.seed("client-" + UUID.randomUUID(), "alice");
        waiting.lock(blocker.id);
        Instant t = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        for (int slot = 0; slot < slots; slot++) {
            waiting.blockers.add(waiting.send(body(blocker, t.plusSeconds(slot), true, 30 + slot)));
            int running = slot + 1;
            await().atMost(PATIENCE).until(() -> batches.running() == running);
        }
        // every statement the held batches send before the lock is sent: what a test counts after is the rest
        await().atMost(PATIENCE).until(() -> waitingForChargerLocks() == slots);
        return waiting;
    }

    private static long waitingForChargerLocks() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery("select count(*) from pg_stat_activity where wait_event_type = "
                            + "'Lock' and query like 'select% from charger %for no key update%'", Long.class)
                            .getSingleResult())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static String body(ChargerEntity c, Instant observedAt, boolean plugged, double meter) {
        return """
                {"deliveryId":"d","event":"charger.state","vendor":"EASEE","accountId":"acct-1","deliveredAt":"%s",
                 "report":{"reportId":"r","chargerId":"%s","vendor":"EASEE","observedAt":"%s","isPluggedIn":%s,
                 "isCharging":%s,"chargeRateKw":7,"maxCurrentA":16,"energyMeterKwh":%s}}"""
                .formatted(observedAt, c.vendorChargerId, observedAt, plugged, plugged, meter);
    }

    /** Sends a delivery and returns once it waits for the next batch, behind those queued before it. */
    CompletableFuture<HttpResponse<String>> queue(String body) {
        CompletableFuture<HttpResponse<String>> answer = send(body);
        int waitingNow = ++queued;
        await().atMost(PATIENCE).until(() -> batches.waiting() == waitingNow);
        return answer;
    }

    /** Lets the held batches, then the waiting deliveries, run. */
    void release() {
        released.complete(null);
    }

    static HttpResponse<String> answer(CompletableFuture<HttpResponse<String>> answer) {
        try {
            return answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        release();
        blockers.forEach(WaitingDeliveries::answer);
        lockHeld.join();
        lockHolder.shutdown();
    }

    private CompletableFuture<HttpResponse<String>> send(String body) {
        return http.sendAsync(HttpRequest.newBuilder(webhooks).header("Content-Type", "application/json")
                .header("X-Oem-Delivery-Id", UUID.randomUUID().toString())
                .header("X-Oem-Signature", WebhookSignature.header(SECRET, Instant.now().getEpochSecond(),
                        body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The charger's row locked in a transaction that commits at {@link #release()}. */
    private void lock(UUID chargerId) {
        CompletableFuture<Void> locked = new CompletableFuture<>();
        lockHeld = CompletableFuture.runAsync(() -> {
            try {
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(s -> s.createNativeQuery("select id from charger where id = :id for update")
                                .setParameter("id", chargerId).getResultList())
                        .chain(rows -> {
                            locked.complete(null);
                            Context context = Vertx.currentContext();
                            // back on the transaction's own context to commit
                            return Uni.createFrom().completionStage(released)
                                    .emitOn(task -> context.runOnContext(ignored -> task.run()));
                        })));
            } catch (Throwable e) {
                locked.completeExceptionally(e);
                throw new CompletionException(e);
            }
        }, lockHolder);
        locked.join();
    }
}
