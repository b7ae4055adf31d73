package io.plugmate.vehicle;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Two transactions as two instances would run them at the same moment: the second runs from start to commit while the
 * first has done its work and not committed yet (its row locks held). Deterministic, no timing: the first waits for the
 * second to finish before it commits. A second that waits for the first's locks instead of skipping them cannot finish
 * and fails the test after a minute.
 */
public final class OverlappingTransactions {

    private OverlappingTransactions() {
    }

    public record Outcome<T>(T first, T second) {
    }

    public static <T> Outcome<T> run(Supplier<Uni<T>> first, Supplier<Uni<T>> second) throws Exception {
        // a thread each: the common pool may have a single thread, which the waiting first would hold
        ExecutorService threads = Executors.newFixedThreadPool(2);
        CompletableFuture<T> firstWorkDone = new CompletableFuture<>();
        CompletableFuture<Void> secondCommitted = new CompletableFuture<>();
        CompletableFuture<T> firstCommitted = CompletableFuture.supplyAsync(() -> await(() -> Panache.withTransaction(
                () -> first.get().call(result -> {
                    firstWorkDone.complete(result);
                    Context context = Vertx.currentContext();
                    // back on the transaction's own context once the second has committed, then commit
                    return Uni.createFrom().completionStage(secondCommitted)
                            .emitOn(task -> context.runOnContext(ignored -> task.run()));
                }))), threads);
        // a first that fails before its work is done fails the test at once
        firstCommitted.whenComplete((result, failure) -> {
            if (failure != null) {
                firstWorkDone.completeExceptionally(failure);
            }
        });
        try {
            T firstResult = firstWorkDone.get(60, TimeUnit.SECONDS);
            T secondResult = CompletableFuture.supplyAsync(() -> await(() -> Panache.withTransaction(second)), threads)
                    .get(60, TimeUnit.SECONDS);
            secondCommitted.complete(null);
            firstCommitted.get(60, TimeUnit.SECONDS);
            return new Outcome<>(firstResult, secondResult);
        } finally {
            secondCommitted.complete(null);
            threads.shutdown();
        }
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new CompletionException(e);
        }
    }
}
