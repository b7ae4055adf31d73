package io.plugmate.device;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.plugmate.device.GroupCommit.Waiting;
import io.quarkus.runtime.Startup;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;

/**
 * Verified deliveries recorded and applied in batches ({@link GroupCommit}, {@link WebhookConfig.Batches}): one
 * transaction for the deliveries waiting when a batch starts ({@link WebhookIntake#accept}), each answered with its own
 * outcome once it committed.
 * <p>
 * One delivery never fails another: when the batch's transaction fails, whatever the cause (a report refused as from
 * the future, a report that does not read, a deadlock, a lost connection), it is rolled back as a whole and each of its
 * deliveries runs again alone, in its own transaction and in arrival order, getting the answer it would have got alone
 * — a database outage its own failure, which the resource answers 503.
 * <p>
 * A batch runs on a new Vert.x duplicated context of its own, flagged safe (as {@link PeriodicRound} does): its
 * Hibernate session lives and dies with it, apart from every request's; each request is answered back on its own
 * context.
 * <p>
 * At most {@link WebhookConfig.Batches#maxWaiting()} deliveries wait: one more fails at once with
 * {@link GroupCommit.Full}, nothing of it stored (the resource answers 503). An operator sees the queue as
 * {@code plugmate_webhooks_waiting} and the deliveries it refused as {@code plugmate_webhooks_refused_total}
 * ({@code reason="full"}); registered at start-up, so both read 0 before the first delivery.
 */
@ApplicationScoped
@Startup
public class WebhookBatches {

    private final WebhookIntake intake;
    private final GroupCommit<WebhookDelivery, Map<String, Object>> batches;
    private final Counter refusedFull;

    public WebhookBatches(WebhookIntake intake, WebhookConfig config, Vertx vertx, MeterRegistry registry) {
        this.intake = intake;
        this.batches = new GroupCommit<>(config.batches().maxSize(), config.batches().inFlight(),
                config.batches().maxWaiting(), task -> {
                    Context context = VertxContext.createNewDuplicatedContext(vertx.getDelegate().getOrCreateContext());
                    VertxContextSafetyToggle.setContextSafe(context, true);
                    context.runOnContext(ignored -> task.run());
                }, this::run);
        Gauge.builder("plugmate.webhooks.waiting", batches, GroupCommit::waiting)
                .description("Verified webhook deliveries waiting for a batch").register(registry);
        this.refusedFull = Counter.builder("plugmate.webhooks.refused").tag("reason", "full")
                .description("Webhook deliveries refused (503) and not stored").register(registry);
    }

    /**
     * @return the delivery's {@code {deliveryId, result, <kind>sUpdated}}, once its batch committed;
     *         {@link GroupCommit.Full} at once when the most deliveries already wait
     */
    public Uni<Map<String, Object>> accept(WebhookDelivery delivery) {
        Context caller = io.vertx.core.Vertx.currentContext();
        Uni<Map<String, Object>> outcome = batches.submit(delivery)
                .onFailure(GroupCommit.Full.class).invoke(full -> refusedFull.increment());
        return caller == null ? outcome : outcome.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    /** Deliveries waiting for a batch now (a slot frees when a running batch ends). */
    public int waiting() {
        return batches.waiting();
    }

    /** Batches running now, at most {@link WebhookConfig.Batches#inFlight()}. */
    public int running() {
        return batches.running();
    }

    private Uni<Void> run(List<Waiting<WebhookDelivery, Map<String, Object>>> batch) {
        List<WebhookDelivery> deliveries = batch.stream().map(Waiting::item).toList();
        return intake.accept(deliveries).invoke(outcomes -> {
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).complete(outcomes.get(i));
            }
        }).replaceWithVoid().onFailure().recoverWithUni(failure -> batch.size() == 1 ? settle(batch.getFirst(),
                Uni.createFrom().failure(failure)) : alone(batch));
    }

    /** Each delivery again in a transaction of its own, one after the other. */
    private Uni<Void> alone(List<Waiting<WebhookDelivery, Map<String, Object>>> batch) {
        Uni<Void> done = Uni.createFrom().voidItem();
        for (Waiting<WebhookDelivery, Map<String, Object>> waiting : batch) {
            done = done.chain(() -> settle(waiting,
                    intake.accept(List.of(waiting.item())).map(List::getFirst)));
        }
        return done;
    }

    private static Uni<Void> settle(Waiting<WebhookDelivery, Map<String, Object>> waiting,
            Uni<Map<String, Object>> outcome) {
        return outcome.onItemOrFailure().invoke((item, failure) -> {
            if (failure != null) {
                waiting.fail(failure);
            } else {
                waiting.complete(item);
            }
        }).onFailure().recoverWithNull().replaceWithVoid();
    }
}
