package io.plugmate.pairing.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.messaging.TableRetention;
import io.plugmate.pairing.Db;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Issue 13 point 6: a pair's history grew for ever. Transitions recorded longer ago than the retention (400 days) go,
 * newer ones stay, and the transition into a pair's current state stays however old it is.
 */
@QuarkusTest
class TransitionRetentionTest {

    @Inject
    TableRetention retention;

    private static void transition(String clientId, String pairId, String to, int daysAgo) {
        Db.inTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                insert into pair_transition (pair_id, client_id, user_id, from_state, to_state, transitioned_at,
                    reason, confidence, evidence, candidates, recorded_at)
                values (:pair, :client, 'u', null, :to, now() - make_interval(days => :days), 'test', 0.9, '[]', '[]',
                    now() - make_interval(days => :days))""").setParameter("pair", pairId)
                .setParameter("client", clientId).setParameter("to", to).setParameter("days", daysAgo)
                .executeUpdate()));
    }

    private static long count(String pairId, String to) {
        return Db.count("select count(*) from pair_transition where pair_id = '" + pairId + "' and to_state = '" + to
                + "'");
    }

    @Test
    void oldHistoryGoesButNeverTheTransitionIntoTheCurrentState() throws Throwable {
        String clientId = "client-" + UUID.randomUUID();
        String busy = "pair-" + UUID.randomUUID();
        transition(clientId, busy, "SUSPECTED", 500);
        transition(clientId, busy, "ACTIVE", 450);
        transition(clientId, busy, "INACTIVE", 30);
        String quiet = "pair-" + UUID.randomUUID();
        transition(clientId, quiet, "SUSPECTED", 700);
        transition(clientId, quiet, "ACTIVE", 600);

        VertxContextSupport.subscribeAndAwait(() -> retention.purgeOnce());

        assertThat(count(busy, "SUSPECTED")).isZero();
        assertThat(count(busy, "ACTIVE")).isZero();
        assertThat(count(busy, "INACTIVE")).isEqualTo(1);
        // the quiet pair's current state came 600 days ago: that transition stays, the one before it goes
        assertThat(count(quiet, "SUSPECTED")).isZero();
        assertThat(count(quiet, "ACTIVE")).isEqualTo(1);
    }

    @Test
    void theRuleIsServedByAnIndexOnItsAge() {
        assertThat(Db.count("select count(*) from pg_indexes where indexname = 'pair_transition_recorded'"))
                .isEqualTo(1);
        assertThat(retention.rules()).anySatisfy(rule -> {
            assertThat(rule.table()).isEqualTo("pair_transition");
            assertThat(rule.keep()).isEqualTo(Duration.ofDays(400));
        });
    }
}
