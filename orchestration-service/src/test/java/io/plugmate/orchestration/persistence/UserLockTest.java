package io.plugmate.orchestration.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * The user's lock is taken by every transaction (each command, each consumed record): it must cost one cached
 * statement, not a new entry in Hibernate's query plan cache per call. (A native select with a result class got a new
 * cache key every time, all with the same hash: the cache grew with every transaction and each lookup walked all of
 * its colliding keys — the busiest frames of orchestration-service under the REST benchmark's commands.)
 */
@QuarkusTest
class UserLockTest {

    @Inject
    UserLock locks;

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void takingALockAgainMakesNoNewQueryPlan() throws Throwable {
        String user = "lock-" + UUID.randomUUID();
        lock(user); // the first call may make the plan
        long missed = sessions.getStatistics().getQueryPlanCacheMissCount();
        for (int i = 0; i < 5; i++) {
            lock(user);
        }
        assertThat(sessions.getStatistics().getQueryPlanCacheMissCount() - missed).isZero();
    }

    private void lock(String user) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> locks.lock("lock-client", user)));
    }
}
