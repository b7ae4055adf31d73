package io.plugmate.orchestration.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import io.plugmate.orchestration.Db;
import io.plugmate.orchestration.Household;
import io.plugmate.orchestration.Topic;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * A command POST finds the device's user and takes the user's lock in one statement, then reads the device under the
 * lock. A device unlinked by the transaction holding that lock is gone when the POST reads it: 404 problem+json, not a
 * failure (the row the first statement found was the one before the unlink).
 */
@QuarkusTest
class UnlinkedWhileWaitingTest {

    @Test
    void aDeviceUnlinkedWhileItsCommandWaitsForTheUsersLockIsNotFound() {
        Household h = Household.voltraWithWallbox().activated();
        CompletableFuture<Void> locked = new CompletableFuture<>();
        CompletableFuture<Void> release = new CompletableFuture<>();
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<Void> unlinking = CompletableFuture.runAsync(() -> unlinkHoldingTheLock(h, locked,
                    release), holder);
            locked.join();
            CompletableFuture<Response> answer = CompletableFuture.supplyAsync(() -> given().auth()
                    .oauth2(h.token()).contentType("application/json").body("{\"action\":\"START\"}")
                    .post("/vehicles/" + h.vehicleId + "/charging"));
            await().atMost(Topic.PATIENCE).until(() -> Db.count("select count(*) from pg_stat_activity where "
                    + "wait_event_type = 'Lock' and query like 'insert into user_lock%'") > 0);

            release.complete(null);
            unlinking.join();

            answer.join().then().statusCode(404).contentType("application/problem+json")
                    .body("status", equalTo(404));
        } finally {
            release.complete(null);
            holder.shutdown();
        }
    }

    /** The user's lock taken and the vehicle unlinked in one transaction that commits once {@code release} completes. */
    private static void unlinkHoldingTheLock(Household h, CompletableFuture<Void> locked,
            CompletableFuture<Void> release) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery("insert into user_lock (client_id, user_id) values (:c, :u) "
                            + "on conflict (client_id, user_id) do update set user_id = excluded.user_id")
                            .setParameter("c", h.clientId).setParameter("u", h.userId).executeUpdate()
                            .chain(() -> s.createNativeQuery("update device set removed = true where client_id = :c "
                                    + "and device_id = :d").setParameter("c", h.clientId)
                                    .setParameter("d", h.vehicleId).executeUpdate()))
                    .chain(unlinked -> {
                        locked.complete(null);
                        Context context = Vertx.currentContext();
                        // back on the transaction's own context to commit
                        return Uni.createFrom().completionStage(release)
                                .emitOn(task -> context.runOnContext(ignored -> task.run()));
                    })));
        } catch (Throwable e) {
            locked.completeExceptionally(e);
            throw new CompletionException(e);
        }
    }
}
