package io.plugmate.vehicle.oem;

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

import io.plugmate.device.WebhookBatches;
import io.plugmate.oem.WebhookSignature;
import io.plugmate.vehicle.SeededVehicles;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Deliveries made to wait for one batch, deterministically (issue 14; counted, never timed): every batch slot is taken
 * by a delivery for a vehicle whose row the test holds locked, so the deliveries queued next wait — in the order queued
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
        VehicleEntity blocker = SeededVehicles.seed("client-" + UUID.randomUUID(), "user-" + UUID.randomUUID());
        waiting.lock(blocker.id);
        Instant t = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        for (int slot = 0; slot < slots; slot++) {
            waiting.blockers.add(waiting.send(body(blocker, t.plusSeconds(slot), 30 + slot)));
            int running = slot + 1;
            await().atMost(PATIENCE).until(() -> batches.running() == running);
        }
        // every statement the held batches send before the lock is sent: what a test counts after is the rest
        await().atMost(PATIENCE).until(() -> waitingForVehicleLocks() == slots);
        return waiting;
    }

    private static long waitingForVehicleLocks() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery("select count(*) from pg_stat_activity where wait_event_type = "
                            + "'Lock' and query like 'select%from vehicle%for no key update%'", Long.class)
                            .getSingleResult())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static String body(VehicleEntity v, Instant observedAt, double battery) {
        return """
                {"deliveryId":"d","event":"vehicle.state","vendor":"TESLA","accountId":"acct-1","deliveredAt":"%s",
                 "report":{"reportId":"r-%s","vehicleId":"%s","vendor":"TESLA","observedAt":"%s","isPluggedIn":true,
                 "isCharging":true,"chargeRateKw":7.1,"batteryLevel":%s,"rangeKm":250,"chargeLimit":90,"maxCurrentA":32,
                 "location":{"latitude":59.91,"longitude":10.75}}}""".formatted(observedAt, UUID.randomUUID(),
                v.vendorVehicleId, observedAt, battery);
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

    /** The vehicle's row locked in a transaction that commits at {@link #release()}. */
    private void lock(UUID vehicleId) {
        CompletableFuture<Void> locked = new CompletableFuture<>();
        lockHeld = CompletableFuture.runAsync(() -> {
            try {
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                        .chain(s -> s.createNativeQuery("select id from vehicle where id = :id for update")
                                .setParameter("id", vehicleId).getResultList())
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
