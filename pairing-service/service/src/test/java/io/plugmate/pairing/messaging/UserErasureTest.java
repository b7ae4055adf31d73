package io.plugmate.pairing.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.events.EventJson;
import io.plugmate.events.Topics;
import io.plugmate.events.UserDeleted;
import io.plugmate.pairing.Db;
import io.plugmate.pairing.Household;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** {@code UserDeleted} (docs/adr/0011): the user's pairs, their history and detector state go; another user's stay. */
@QuarkusTest
class UserErasureTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static int pairsOf(Household h) {
        return given().auth().oauth2(Tokens.apiClient(h.clientId())).get("/users/" + h.userId() + "/pairs").then()
                .statusCode(200).extract().jsonPath().getList("data").size();
    }

    private static long rowsOf(Household h) {
        String where = " where client_id = '" + h.clientId() + "' and user_id = '" + h.userId() + "'";
        return Db.count("select count(*) from pair" + where) + Db.count("select count(*) from pair_transition" + where)
                + Db.count("select count(*) from user_detector" + where);
    }

    @Test
    void aUserDeletedErasesTheUsersPairsHistoryAndDetectorStateOnly() {
        Household erased = Household.fresh();
        Household kept = new Household(erased.clientId(), "user-" + UUID.randomUUID(), "veh-" + UUID.randomUUID(),
                "chg-" + UUID.randomUUID(), erased.start());
        erased.link();
        kept.link();
        await().atMost(PATIENCE).until(() -> pairsOf(erased) == 1 && pairsOf(kept) == 1);
        assertThat(rowsOf(erased)).isGreaterThan(1);

        KafkaTestClient.send(Topics.USERS, erased.userId(), EventJson.write(new UserDeleted(UUID.randomUUID(), 1,
                erased.clientId(), erased.userId(), Instant.now())));

        await().atMost(PATIENCE).until(() -> rowsOf(erased) == 0);
        assertThat(pairsOf(erased)).isZero();
        given().auth().oauth2(Tokens.apiClient(erased.clientId())).get("/pairs/" + erased.pairId()).then()
                .statusCode(404);
        assertThat(pairsOf(kept)).isEqualTo(1);
    }

    @Test
    void theErasureOfAUsersHistoryIsServedByAnIndex() {
        assertThat(Db.count("select count(*) from pg_indexes where tablename = 'pair_transition' and indexdef like "
                + "'%(client_id, user_id)%'")).isEqualTo(1);
    }
}
