package io.plugmate.statistics.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.events.EventJson;
import io.plugmate.events.Topics;
import io.plugmate.events.UserDeleted;
import io.plugmate.statistics.Db;
import io.plugmate.statistics.Household;
import io.plugmate.statistics.Sessions;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * {@code UserDeleted} (docs/adr/0011): the user's sessions, facts, samples and chargers' consent go; another client's
 * same user stays.
 */
@QuarkusTest
class UserErasureTest {

    private static long rowsOf(Household h) {
        String where = " where client_id = '" + h.clientId() + "' and user_id = '" + h.userId() + "'";
        return Db.count("select count(*) from charging_session" + where)
                + Db.count("select count(*) from telemetry_sample" + where)
                + Db.count("select count(*) from user_ledger" + where)
                + Db.count("select count(*) from charger_consent" + where);
    }

    @Test
    void aUserDeletedErasesTheUsersSessionsAndWhatTheyWereBuiltFromOnly() {
        Household erased = Household.fresh();
        Household twin = erased.twin();
        erased.publish(erased.charger(0, true, true, 7.0));
        erased.publishAndAwait(erased.session("s1", 0, 60, 7.0), erased.chargerScopes("charger:read:data"));
        twin.publishAndAwait(twin.session("s1", 0, 60, 7.0), twin.chargerScopes("charger:read:data"));
        assertThat(Sessions.of(Tokens.apiClient(erased.clientId()), erased.userId())).hasSize(1);

        KafkaTestClient.send(Topics.USERS, erased.userId(), EventJson.write(new UserDeleted(UUID.randomUUID(), 1,
                erased.clientId(), erased.userId(), Instant.now())));

        await().atMost(Household.PATIENCE).until(() -> rowsOf(erased) == 0);
        assertThat(Sessions.of(Tokens.apiClient(erased.clientId()), erased.userId())).isEmpty();
        assertThat(Sessions.of(Tokens.apiClient(twin.clientId()), twin.userId())).hasSize(1);
        assertThat(Db.count("select count(*) from charger_consent where client_id = '" + twin.clientId() + "'"))
                .isEqualTo(1);
    }
}
