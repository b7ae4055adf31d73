package io.plugmate.testinfra;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Work done in a transaction of the service under test that stays open — its row locks held, its changes not yet
 * visible — until {@link #release()}: for tests that make a request wait for a lock, deterministically.
 */
public final class HeldTransaction implements AutoCloseable {

    private final ExecutorService holder = Executors.newSingleThreadExecutor();
    private final CompletableFuture<Void> released = new CompletableFuture<>();
    private final CompletableFuture<Void> committed;

    private HeldTransaction(Supplier<Uni<?>> work) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        committed = CompletableFuture.runAsync(() -> {
            try {
                VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> work.get().chain(ignored -> {
                    done.complete(null);
                    Context context = Vertx.currentContext();
                    // back on the transaction's own context to commit
                    return Uni.createFrom().completionStage(released)
                            .emitOn(task -> context.runOnContext(nothing -> task.run()));
                })));
            } catch (Throwable e) {
                done.completeExceptionally(e);
                throw new CompletionException(e);
            }
        }, holder);
        done.join();
    }

    /** Runs {@code work} in a new transaction and returns once it is done; the transaction stays open. */
    public static HeldTransaction of(Supplier<Uni<?>> work) {
        return new HeldTransaction(work);
    }

    /** Lets the transaction commit (without waiting for it). */
    public void release() {
        released.complete(null);
    }

    /** Commits, if not released before, and waits until it has. */
    @Override
    public void close() {
        release();
        try {
            committed.join();
        } finally {
            holder.shutdown();
        }
    }
}
