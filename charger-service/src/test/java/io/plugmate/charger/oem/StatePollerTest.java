package io.plugmate.charger.oem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.charger.Announcements;
import io.plugmate.charger.SimulatorGrant;
import io.plugmate.device.StatePoller;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/** Without any webhook, polling alone brings a charger's state in from the real simulator. */
@QuarkusTest
class StatePollerTest {

    @Inject
    StatePoller poller;

    @Test
    void aQuietChargerIsReadFromItsOem() throws Throwable {
        String clientId = "client-" + UUID.randomUUID();
        var grant = SimulatorGrant.forNewHousehold("[\"NORDAUTO\"]", "[\"ZAPLINE\"]", "ZAPLINE");
        Announcements.linked(clientId, grant);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.apiClient(clientId))
                .get("/chargers").then().extract().jsonPath().getList("data").size() == 1);
        String chargerId = given().auth().oauth2(Tokens.apiClient(clientId)).get("/chargers").then().extract()
                .path("data[0].id");

        int polled = VertxContextSupport.subscribeAndAwait(poller::pollOnce);

        assertThat(polled).isPositive();
        given().auth().oauth2(Tokens.apiClient(clientId)).get("/chargers/" + chargerId).then()
                .body("isReachable", equalTo(true)).body("chargeState.isPluggedIn", equalTo(false))
                .body("chargeState.powerDeliveryState", equalTo("UNPLUGGED"));
    }
}
