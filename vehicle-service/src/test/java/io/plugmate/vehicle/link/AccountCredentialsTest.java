package io.plugmate.vehicle.link;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.events.OemAccountLinked;
import io.plugmate.events.Topics;
import io.plugmate.oem.OemException;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.plugmate.vehicle.SeededVehicles;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
class AccountCredentialsTest {

    @Inject
    AccountCredentials credentials;

    private static UUID accountOf(LinkedHousehold h) {
        return SeededVehicles.reload(UUID.fromString(h.vehicleId())).accountId;
    }

    /** Makes the stored access token look expired, as if an hour had passed. */
    private static void expireLocally(UUID accountId) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createMutationQuery("update OemAccountEntity set accessTokenExpiresAt = :past "
                        + "where id = :id").setParameter("past", java.time.Instant.now().minusSeconds(1))
                        .setParameter("id", accountId).executeUpdate())));
    }

    @Test
    void anExpiringTokenIsRefreshedAndChargerServiceHearsOfTheNewOne() throws Throwable {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "TESLA");
        UUID account = accountOf(h);
        expireLocally(account);

        try (var accounts = KafkaTestClient.reader(Topics.OEM_ACCOUNTS)) {
            String token = VertxContextSupport.subscribeAndAwait(() -> credentials.accessToken(account));

            assertThat(token).startsWith("at_");
            await().atMost(Duration.ofSeconds(30)).until(() -> accounts.poll().stream()
                    .map(r -> EventJson.read(r.value(), OemAccountLinked.class))
                    .anyMatch(e -> e.accountId().equals(account.toString())
                            && e.deviceTypes().equals(List.of(DeviceType.CHARGER))));
        }
        // the fresh token is used as it is until it nears expiry
        assertThat(VertxContextSupport.subscribeAndAwait(() -> credentials.accessToken(account))).startsWith("at_");
    }

    @Test
    void aRevokedGrantBecomesAnInterventionNotADeletion() throws Throwable {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "AMPERIA");
        UUID account = accountOf(h);
        given().baseUri(Simulator.url()).post("/sandbox/accounts/" + h.household().getString("accounts[0].accountId")
                + "/revoke-access").then().statusCode(200);
        expireLocally(account);

        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> credentials.accessToken(account)))
                .isInstanceOf(OemException.class).hasMessageContaining("link again");

        given().auth().oauth2(Tokens.apiClient(h.clientId())).get("/vehicles/" + h.vehicleId()).then()
                .statusCode(200).body("isReachable", equalTo(false))
                .body("capabilities.setMaxCurrent.isCapable", equalTo(false))
                .body("capabilities.setMaxCurrent.interventionIds[0]", equalTo("relink-oem-account"));
    }
}
