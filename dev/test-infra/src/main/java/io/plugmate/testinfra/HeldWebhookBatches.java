package io.plugmate.testinfra;

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
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;

import io.quarkus.hibernate.reactive.panache.Panache;

/**
 * A device service's webhook deliveries made to wait for one batch (device-kit's group commit), deterministically —
 * counted, never timed: every batch slot is taken by a delivery for a device whose row the test holds locked, so the
 * deliveries queued next wait, in the order queued, until {@link #release()}; the first slot to free then takes them
 * all in one batch.
 */
public final class HeldWebhookBatches implements AutoCloseable {

    /** How a batch's deliveries are recorded: one statement, an array of them. */
    public static final String RECORD = "insert into webhook_delivery (delivery_id, vendor, received_at) select";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /**
     * The service under test.
     *
     * @param webhooks its webhook URL for the vendor the bodies name
     * @param signature the {@code X-Oem-Signature} header of a body (signed with the vendor's secret now)
     * @param running its batches running now; {@code waiting}: its deliveries waiting for a batch
     * @param table its device table (whose rows a batch locks {@code for no key update})
     */
    public record Intake(URI webhooks, Function<byte[], String> signature, IntSupplier running, IntSupplier waiting,
            String table) {
    }

    private final Intake intake;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<CompletableFuture<HttpResponse<String>>> blockers = new ArrayList<>();
    private HeldTransaction lockHeld;
    private int queued;

    private HeldWebhookBatches(Intake intake) {
        this.intake = intake;
    }

    /**
     * @param slots how many batches run at once ({@code plugmate.webhooks.batches.in-flight})
     * @param blocker the device whose row is held
     * @param blockerReport a report of it, observed the given number of seconds from now (each slot its own)
     */
    public static HeldWebhookBatches behindBusySlots(Intake intake, int slots, UUID blocker,
            IntFunction<String> blockerReport) {
        HeldWebhookBatches held = new HeldWebhookBatches(intake);
        held.lock(blocker);
        for (int slot = 0; slot < slots; slot++) {
            held.blockers.add(held.send(blockerReport.apply(5 + slot)));
            int running = slot + 1;
            await().atMost(PATIENCE).until(() -> intake.running().getAsInt() == running);
        }
        // every statement the held batches send before the lock is sent: what a test counts after is the rest
        await().atMost(PATIENCE).until(() -> held.waitingForLocks() == slots);
        return held;
    }

    /** A report's time: whole seconds from now, as OEMs date them. */
    public static Instant secondsFromNow(int seconds) {
        return Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.SECONDS);
    }

    /** Sends a delivery and returns once it waits for the next batch, behind those queued before it. */
    public CompletableFuture<HttpResponse<String>> queue(String body) {
        CompletableFuture<HttpResponse<String>> answer = send(body);
        int waitingNow = ++queued;
        await().atMost(PATIENCE).until(() -> intake.waiting().getAsInt() == waitingNow);
        return answer;
    }

    /** Lets the held batches, then the waiting deliveries, run. */
    public void release() {
        lockHeld.release();
    }

    public static HttpResponse<String> answer(CompletableFuture<HttpResponse<String>> answer) {
        try {
            return answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        release();
        blockers.forEach(HeldWebhookBatches::answer);
        lockHeld.close();
    }

    private long waitingForLocks() {
        try {
            return NativeSql.count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query "
                    + "like 'select%from " + intake.table() + " %for no key update%'");
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private CompletableFuture<HttpResponse<String>> send(String body) {
        return http.sendAsync(HttpRequest.newBuilder(intake.webhooks()).header("Content-Type", "application/json")
                .header("X-Oem-Delivery-Id", UUID.randomUUID().toString())
                .header("X-Oem-Signature", intake.signature().apply(body.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The device's row locked in a transaction that commits at {@link #release()}. */
    private void lock(UUID device) {
        lockHeld = HeldTransaction.of(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("select id from " + intake.table() + " where id = :id for update")
                        .setParameter("id", device).getResultList()));
    }
}
