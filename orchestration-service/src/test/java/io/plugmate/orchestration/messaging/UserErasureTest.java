package io.plugmate.orchestration.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.events.Topics;
import io.plugmate.events.UserDeleted;
import io.plugmate.orchestration.Db;
import io.plugmate.orchestration.Household;
import io.plugmate.orchestration.Topic;
import io.quarkus.test.junit.QuarkusTest;

/** {@code UserDeleted} (docs/adr/0011): the user's actions, devices, pairs and lock row go; another client's stay. */
@QuarkusTest
class UserErasureTest {

    private static long rowsOf(Household h) {
        String where = " where client_id = '" + h.clientId + "' and user_id = '" + h.userId + "'";
        return Db.count("select count(*) from action" + where) + Db.count("select count(*) from device" + where)
                + Db.count("select count(*) from pair" + where) + Db.count("select count(*) from user_lock" + where);
    }

    @Test
    void aUserDeletedErasesTheUsersActionsDevicesAndPairsOnly() {
        Household erased = Household.voltraWithWallbox().activated();
        Household kept = Household.voltraWithWallbox().activated();
        String action = given().auth().oauth2(erased.token()).contentType("application/json")
                .body("{\"action\":\"START\"}").post("/vehicles/" + erased.vehicleId + "/charging").then()
                .statusCode(201).extract().path("id");
        assertThat(rowsOf(erased)).isGreaterThanOrEqualTo(4);

        Household.send(Topics.USERS, new UserDeleted(UUID.randomUUID(), 1, erased.clientId, erased.userId,
                Instant.now()));

        await().atMost(Topic.PATIENCE).until(() -> rowsOf(erased) == 0);
        given().auth().oauth2(erased.token()).get("/actions/" + action).then().statusCode(404);
        assertThat(rowsOf(kept)).isGreaterThanOrEqualTo(3);
    }
}
