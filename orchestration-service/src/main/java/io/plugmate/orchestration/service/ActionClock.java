package io.plugmate.orchestration.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.plugmate.commons.time.WallClock;
import io.plugmate.orchestration.config.OrchestrationConfig;
import io.plugmate.orchestration.domain.Action;
import io.plugmate.orchestration.domain.ActionLifecycle;
import io.plugmate.orchestration.domain.Change;
import io.plugmate.orchestration.persistence.ActionRepository;
import io.plugmate.orchestration.persistence.UserLock;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Time-driven changes of pending actions, every {@code plugmate.orchestration.tick}: past its deadline an action
 * FAILS; when its retry is due it is re-checked and its next command dispatched (or it is CANCELLED when no route is
 * left). Each action is handled in its own transaction under its user's lock, so several instances can tick at once:
 * the second finds the action no longer due.
 */
@ApplicationScoped
public class ActionClock {

    private static final Logger LOG = Logger.getLogger(ActionClock.class);

    private final ActionRepository actions;
    private final UserLock locks;
    private final Rechecks rechecks;
    private final ActionWriter writer;
    private final OrchestrationConfig config;
    private volatile boolean stopping;

    public ActionClock(ActionRepository actions, UserLock locks, Rechecks rechecks, ActionWriter writer,
            OrchestrationConfig config) {
        this.actions = actions;
        this.locks = locks;
        this.rechecks = rechecks;
        this.writer = writer;
        this.config = config;
    }

    @Scheduled(every = "${plugmate.orchestration.tick:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        if (stopping) {
            return Uni.createFrom().voidItem();
        }
        return handleDue(WallClock.now()).onFailure().recoverWithItem(failure -> {
            LOG.warnf("Looking for due actions failed (%s); next tick tries again", failure.getMessage());
            return null;
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    /** One round at {@code now}; returns when every due action has been handled. */
    public Uni<Void> handleDue(Instant now) {
        return Panache.withSession(() -> actions.due(now, config.batchSize()))
                .chain(due -> Multi.createFrom().iterable(due).onItem()
                        .transformToUniAndConcatenate(d -> Panache.withTransaction(() -> handle(d, now))
                                .onFailure().recoverWithItem(failure -> {
                                    // retried at the next tick: the action is still due
                                    LOG.warnf("Handling due action %s failed: %s", d.id(), failure.getMessage());
                                    return null;
                                }))
                        .collect().last())
                .replaceWithVoid();
    }

    private Uni<Void> handle(ActionRepository.Due due, Instant now) {
        return locks.lock(due.clientId(), due.userId())
                .chain(() -> actions.findOwned(due.clientId(), due.id()))
                .chain(row -> {
                    Action action = row.toDomain();
                    if (!action.pending()) {
                        return Uni.createFrom().voidItem();
                    }
                    Uni<Change> change = !now.isBefore(action.deadline())
                            ? Uni.createFrom().item(ActionLifecycle.onDeadline(action, now))
                            : rechecks.recheck(action).map(d -> ActionLifecycle.onRetryDue(action, d, now));
                    return change.chain(c -> writer.write(row, c)).replaceWithVoid();
                });
    }
}
