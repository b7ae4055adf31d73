package io.plugmate.charger.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.charger.Announcements;
import io.plugmate.charger.SimulatorGrant;
import io.plugmate.device.AccountResync;
import io.plugmate.device.DeviceLifecycle;
import io.plugmate.events.DeviceUpdated;
import io.plugmate.events.EventJson;
import io.plugmate.events.OemAccountLinked;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.ValidatableResponse;

/**
 * charger-service never refreshes a grant (docs/adr/0004): when the credential it has is refused by the OEM, or has
 * expired without vehicle-service announcing a new one, the chargers stay and carry the relink-oem-account
 * intervention; the next announced credential clears it.
 */
@QuarkusTest
class CredentialInterventionTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    AccountResync resync;

    private static String linkedCharger(String clientId, SimulatorGrant.Grant grant) {
        await().atMost(PATIENCE).until(() -> given().auth().oauth2(Tokens.apiClient(clientId))
                .get("/users/" + grant.userId() + "/chargers").then().extract().jsonPath().getList("data").size() == 1);
        return given().auth().oauth2(Tokens.apiClient(clientId)).get("/users/" + grant.userId() + "/chargers").then()
                .extract().path("data[0].id");
    }

    private static ValidatableResponse charger(String clientId, String chargerId) {
        return given().auth().oauth2(Tokens.apiClient(clientId)).get("/chargers/" + chargerId).then().statusCode(200);
    }

    private static void assertIntervention(String clientId, String chargerId) {
        charger(clientId, chargerId).body("isReachable", equalTo(false))
                .body("capabilities.startCharging.isCapable", equalTo(false))
                .body("capabilities.startCharging.interventionIds", contains("relink-oem-account"))
                .body("capabilities.chargeState.interventionIds", contains("relink-oem-account"));
    }

    private static boolean cleared(String clientId, String chargerId) {
        var body = charger(clientId, chargerId).extract().jsonPath();
        return body.getBoolean("capabilities.startCharging.isCapable")
                && body.getList("capabilities.startCharging.interventionIds").isEmpty();
    }

    /** What the device-lifecycle topic said about the charger's reachability, in order. */
    private static List<String> reachability(KafkaTestClient.Reader lifecycle, String chargerId) {
        return lifecycle.poll().stream().map(r -> EventJson.read(r.value(), PlugmateEvent.class))
                .filter(e -> e instanceof DeviceUpdated u && u.deviceId().equals(chargerId))
                .map(e -> ((DeviceUpdated) e).isReachable() + " " + ((DeviceUpdated) e).unreachableReason()).toList();
    }

    @Test
    void aGrantRevokedAtTheOemIsAnInterventionUntilANewCredentialIsAnnounced() throws Throwable {
        String clientId = "client-" + UUID.randomUUID();
        SimulatorGrant.Grant grant = SimulatorGrant.forNewHousehold("[\"TESLA\"]", "[\"TESLA\"]", "TESLA");
        OemAccountLinked linked = Announcements.linked(clientId, grant);
        String chargerId = linkedCharger(clientId, grant);
        charger(clientId, chargerId).body("capabilities.startCharging.interventionIds", empty());
        given().baseUri(SimulatorGrant.url()).post("/sandbox/accounts/" + grant.oemAccountId() + "/revoke-access")
                .then().statusCode(200);
        Announcements.syncedAt(linked.accountId(), Instant.now().minus(Duration.ofHours(5)));

        try (var lifecycle = KafkaTestClient.reader(Topics.DEVICE_LIFECYCLE)) {
            VertxContextSupport.subscribeAndAwait(resync::resyncOnce); // the OEM refuses the listing: 401

            assertIntervention(clientId, chargerId);
            // orchestration hears it, and refuses the charger as a route instead of waiting for a deadline
            await().atMost(PATIENCE).until(() -> reachability(lifecycle, chargerId)
                    .equals(List.of("false " + DeviceLifecycle.CREDENTIAL_LAPSED)));

            // the user linked again; vehicle-service announces the account's new credential
            SimulatorGrant.Grant renewed = SimulatorGrant.again(grant);
            Announcements.announce(clientId, linked.accountId(), renewed, Instant.now().plusSeconds(3600));

            await().atMost(PATIENCE).until(() -> cleared(clientId, chargerId));
            await().atMost(PATIENCE).until(() -> reachability(lifecycle, chargerId)
                    .equals(List.of("false " + DeviceLifecycle.CREDENTIAL_LAPSED, "true null")));
        }
    }

    @Test
    void aCredentialThatExpiredWithoutARotationIsAnInterventionUntilTheNextOne() {
        String clientId = "client-" + UUID.randomUUID();
        SimulatorGrant.Grant grant = SimulatorGrant.forNewHousehold("[\"NORDAUTO\"]", "[\"ZAPLINE\"]", "ZAPLINE");
        String accountId = UUID.randomUUID().toString();
        // the last credential vehicle-service announced has expired (its refresh was refused, or it is down)
        Announcements.announce(clientId, accountId, grant, Instant.now().minusSeconds(60));
        String chargerId = linkedCharger(clientId, grant);

        assertIntervention(clientId, chargerId);
        charger(clientId, chargerId).body("capabilities.setMaxCurrent.interventionIds", contains("relink-oem-account"));

        Announcements.announce(clientId, accountId, SimulatorGrant.again(grant), Instant.now().plusSeconds(3600));

        await().atMost(PATIENCE).until(() -> cleared(clientId, chargerId));
    }
}
