package io.plugmate.orchestration.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.plugmate.orchestration.Db;
import io.plugmate.orchestration.Household;
import io.plugmate.orchestration.Topic;
import io.plugmate.testinfra.HeldTransaction;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

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
        try (HeldTransaction unlinking = HeldTransaction.of(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into user_lock (client_id, user_id) values (:c, :u) "
                        + "on conflict (client_id, user_id) do update set user_id = excluded.user_id")
                        .setParameter("c", h.clientId).setParameter("u", h.userId).executeUpdate()
                        .chain(() -> s.createNativeQuery("update device set removed = true where client_id = :c "
                                + "and device_id = :d").setParameter("c", h.clientId).setParameter("d", h.vehicleId)
                                .executeUpdate())))) {
            CompletableFuture<Response> answer = CompletableFuture.supplyAsync(() -> given().auth()
                    .oauth2(h.token()).contentType("application/json").body("{\"action\":\"START\"}")
                    .post("/vehicles/" + h.vehicleId + "/charging"));
            await().atMost(Topic.PATIENCE).until(() -> Db.count("select count(*) from pg_stat_activity where "
                    + "wait_event_type = 'Lock' and query like 'insert into user_lock%'") > 0);

            unlinking.close();

            answer.join().then().statusCode(404).contentType("application/problem+json")
                    .body("status", equalTo(404));
        }
    }
}
