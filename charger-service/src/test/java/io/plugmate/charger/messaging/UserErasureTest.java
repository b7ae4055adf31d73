package io.plugmate.charger.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.charger.Announcements;
import io.plugmate.charger.SimulatorGrant;
import io.plugmate.events.EventJson;
import io.plugmate.events.OemAccountLinked;
import io.plugmate.events.Topics;
import io.plugmate.events.UserDeleted;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** {@code UserDeleted} (docs/adr/0011): the user's chargers and accounts go; another user's and client's stay. */
@QuarkusTest
class UserErasureTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static List<String> chargers(String clientId, String userId) {
        return given().auth().oauth2(Tokens.apiClient(clientId)).get("/users/" + userId + "/chargers").then()
                .statusCode(200).extract().jsonPath().getList("data.id");
    }

    @Test
    void aUserDeletedErasesTheUsersChargersAndCredentialsOnly() {
        String clientId = "client-" + UUID.randomUUID();
        SimulatorGrant.Grant erased = SimulatorGrant.forNewHousehold("[\"NORDAUTO\"]", "[\"ZAPLINE\"]", "ZAPLINE");
        SimulatorGrant.Grant kept = SimulatorGrant.forNewHousehold("[\"NORDAUTO\"]", "[\"ZAPLINE\"]", "ZAPLINE");
        OemAccountLinked erasedAccount = Announcements.linked(clientId, erased);
        Announcements.linked(clientId, kept);
        await().atMost(PATIENCE).until(() -> chargers(clientId, erased.userId()).size() == 1
                && chargers(clientId, kept.userId()).size() == 1);
        String charger = chargers(clientId, erased.userId()).getFirst();

        // another client's user of the same id is not this one
        KafkaTestClient.send(Topics.USERS, erased.userId(), EventJson.write(new UserDeleted(UUID.randomUUID(), 1,
                "other-" + clientId, erased.userId(), Instant.now())));
        KafkaTestClient.send(Topics.USERS, erased.userId(), EventJson.write(new UserDeleted(UUID.randomUUID(), 1,
                clientId, erased.userId(), Instant.now())));

        await().atMost(PATIENCE).until(() -> chargers(clientId, erased.userId()).isEmpty());
        given().auth().oauth2(Tokens.apiClient(clientId)).get("/chargers/" + charger).then().statusCode(404);
        assertThat(Announcements.stored(erasedAccount.accountId())).isNull();
        assertThat(chargers(clientId, kept.userId())).hasSize(1);
    }
}
