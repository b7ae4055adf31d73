package io.plugmate.vehicle.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.device.AccountResync;
import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.events.OemAccountLinked;
import io.plugmate.events.OemAccountReleased;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.events.UserDeleted;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.plugmate.vehicle.GrantRevocationRows;
import io.plugmate.vehicle.LinkedHousehold;
import io.plugmate.vehicle.Simulator;
import io.plugmate.vehicle.StoredAccounts;
import io.plugmate.vehicle.persistence.GrantRevocationEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Unlinking that lasts, grants revoked at the OEM, and a user erased (docs/adr/0011), on the real simulator: its
 * revocation endpoint ends the grant, and its sandbox outage makes it answer 503.
 */
@QuarkusTest
class UnlinkAndErasureTest {

    @Inject
    AccountResync resync;

    @Inject
    GrantRevocations revocations;

    private static String addCar(LinkedHousehold h) {
        return given().baseUri(Simulator.url()).contentType("application/json").body(Map.of("vendor", "TESLA"))
                .post("/sandbox/households/" + h.userId() + "/vehicles").then().statusCode(201).extract().path("id");
    }

    private static List<String> vehicleIds(LinkedHousehold h) {
        return given().auth().oauth2(Tokens.apiClient(h.clientId())).get("/users/" + h.userId() + "/vehicles").then()
                .statusCode(200).extract().path("data.id");
    }

    private void resyncNow(LinkedHousehold h, UUID accountId) throws Throwable {
        StoredAccounts.syncedAt(accountId, Instant.now().minus(Duration.ofHours(5)));
        VertxContextSupport.subscribeAndAwait(resync::resyncOnce);
    }

    /** The OAuth clients holding a grant of the household's OEM account, as the simulator sees them. */
    private static List<String> grantsAtOem(LinkedHousehold h) {
        return given().baseUri(Simulator.url()).get("/sandbox/accounts/" + h.household().getString("accounts[0].accountId"))
                .then().statusCode(200).extract().path("linkedClients");
    }

    private static void revocationOutage(int failures) {
        given().baseUri(Simulator.url()).contentType("application/json").body(Map.of("failures", failures))
                .put("/sandbox/oauth/revocation-outage").then().statusCode(200);
    }

    @Test
    void aVehicleTheClientUnlinkedIsNotRediscoveredByTheResyncUntilTheUserLinksItAgain() throws Throwable {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "TESLA");
        UUID accountId = h.accountId();
        addCar(h);
        resyncNow(h, accountId);
        String second = vehicleIds(h).stream().filter(id -> !id.equals(h.vehicleId())).findFirst().orElseThrow();

        given().auth().oauth2(Tokens.apiClient(h.clientId())).delete("/vehicles/" + second).then().statusCode(204);
        resyncNow(h, accountId);

        // the OEM still lists the car: before the tombstone, the re-sync discovered it again under a new id
        assertThat(vehicleIds(h)).containsExactly(h.vehicleId());

        h.relink();
        assertThat(vehicleIds(h)).hasSize(2).contains(h.vehicleId()).doesNotContain(second);
    }

    @Test
    void unlinkingAnAccountsLastVehicleRevokesItsGrantAtTheOemRetriedThroughAnOutage() throws Throwable {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "TESLA");
        UUID accountId = h.accountId();
        assertThat(grantsAtOem(h)).isNotEmpty();
        revocationOutage(1000);
        try {
            given().auth().oauth2(Tokens.apiClient(h.clientId())).delete("/vehicles/" + h.vehicleId()).then()
                    .statusCode(204);
            assertThat(StoredAccounts.reload(accountId)).isNull(); // the account and its sealed credentials

            VertxContextSupport.subscribeAndAwait(revocations::revokeDue);

            // the OEM answered 503: the revocation is kept, with its reason and its next attempt later
            GrantRevocationEntity waiting = GrantRevocationRows.of(accountId).getFirst();
            assertThat(waiting.attempts).isEqualTo(1);
            assertThat(waiting.lastError).contains("503");
            assertThat(waiting.nextAttemptAt).isAfter(Instant.now());
            assertThat(grantsAtOem(h)).isNotEmpty();
        } finally {
            revocationOutage(0);
        }
        GrantRevocationRows.dueNow(accountId);
        VertxContextSupport.subscribeAndAwait(revocations::revokeDue);

        assertThat(GrantRevocationRows.of(accountId)).isEmpty();
        assertThat(grantsAtOem(h)).isEmpty();
    }

    @Test
    void deletingAUserErasesEverythingHereRevokesTheirGrantsAndTellsEveryService() throws Throwable {
        LinkedHousehold h = LinkedHousehold.linkTeslaVehiclesAndChargers("client-" + UUID.randomUUID());
        UUID accountId = h.accountId();
        String user = "/users/" + h.userId();

        given().auth().oauth2(Tokens.apiClient("other-" + h.clientId())).delete(user).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.apiClient(h.clientId())).delete("/users/not a user").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.apiClient(h.clientId())).delete("/users/nobody-" + UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
        given().delete(user).then().statusCode(401);
        given().auth().oauth2(Tokens.admin(h.clientId())).delete(user).then().statusCode(403);
        assertThat(vehicleIds(h)).hasSize(1);

        given().auth().oauth2(Tokens.apiClient(h.clientId())).delete(user).then().statusCode(202);

        assertThat(vehicleIds(h)).isEmpty();
        given().auth().oauth2(Tokens.apiClient(h.clientId())).get("/vehicles/" + h.vehicleId()).then().statusCode(404);
        assertThat(StoredAccounts.reload(accountId)).isNull();
        assertThat(GrantRevocationRows.of(accountId)).hasSize(1);
        try (var users = KafkaTestClient.reader(Topics.USERS)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> users.poll().stream()
                    .filter(r -> h.userId().equals(r.key())).map(r -> EventJson.read(r.value(), PlugmateEvent.class))
                    .anyMatch(e -> e instanceof UserDeleted d && d.clientId().equals(h.clientId())));
        }
        GrantRevocationRows.dueNow(accountId);
        VertxContextSupport.subscribeAndAwait(revocations::revokeDue);
        assertThat(grantsAtOem(h)).isEmpty();

        // nothing is left to delete: a repeat is 404
        given().auth().oauth2(Tokens.apiClient(h.clientId())).delete(user).then().statusCode(404)
                .body("status", equalTo(404));
        given().auth().oauth2(Tokens.apiClient(h.clientId())).get(user + "/vehicles").then().body("data", hasSize(0));
    }

    private static UUID onlyAccountOf(LinkedHousehold h) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                .chain(s -> s.createSelectionQuery("select id from OemAccountEntity where clientId = ?1", UUID.class)
                        .setParameter(1, h.clientId()).getSingleResult())));
    }

    private static void released(String clientId, LinkedHousehold h, UUID accountId, Instant unlinkedAt) {
        KafkaTestClient.send(Topics.OEM_ACCOUNTS, h.userId(), EventJson.write(new OemAccountReleased(UUID.randomUUID(),
                OemAccountReleased.SCHEMA_VERSION, clientId, h.userId(), unlinkedAt, accountId.toString(), "TESLA",
                DeviceType.CHARGER)));
    }

    /**
     * Issue 13 point 14: a charger-only account's grant was never revoked — charger-service saw its last charger
     * unlinked, vehicle-service (which holds the refresh token) never heard. Now charger-service's
     * {@code OemAccountReleased} lets vehicle-service revoke it; another client's release, and one older than the
     * user's last link of the chargers, change nothing.
     */
    @Test
    void aChargerOnlyAccountsGrantIsRevokedWhenChargerServiceLetsItsLastChargerGo() throws Throwable {
        LinkedHousehold h = LinkedHousehold.linkTeslaChargersOnly("client-" + UUID.randomUUID());
        UUID accountId = onlyAccountOf(h);
        assertThat(StoredAccounts.reload(accountId).linksChargers).isTrue();
        assertThat(grantsAtOem(h)).isNotEmpty();
        // the announcement carries the granted scopes, which charger-service enforces (docs/adr/0012)
        try (var announcements = KafkaTestClient.reader(Topics.OEM_ACCOUNTS)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> announcements.poll().stream()
                    .filter(r -> h.userId().equals(r.key())).map(r -> EventJson.read(r.value(), PlugmateEvent.class))
                    .anyMatch(e -> e instanceof OemAccountLinked a && a.explicitLink()
                            && List.of("charger:control:charging", "charger:read:data").equals(a.scopes())));
        }

        released("other-" + h.clientId(), h, accountId, Instant.now());
        released(h.clientId(), h, accountId, Instant.now().minus(Duration.ofHours(1))); // before the user linked
        released(h.clientId(), h, accountId, Instant.now());

        await().atMost(Duration.ofSeconds(60)).until(() -> StoredAccounts.reload(accountId) == null);
        assertThat(GrantRevocationRows.of(accountId)).hasSize(1);
        GrantRevocationRows.dueNow(accountId);
        VertxContextSupport.subscribeAndAwait(revocations::revokeDue);
        assertThat(grantsAtOem(h)).isEmpty();
    }

    @Test
    void aReleaseOlderThanTheUsersLinkAndAnotherClientsReleaseKeepTheGrant() throws Throwable {
        LinkedHousehold h = LinkedHousehold.linkTeslaChargersOnly("client-" + UUID.randomUUID());
        UUID accountId = onlyAccountOf(h);

        released("other-" + h.clientId(), h, accountId, Instant.now());
        released(h.clientId(), h, accountId, Instant.now().minus(Duration.ofHours(1)));
        // a record after both on the same partition (key userId): once it is applied, so were they
        KafkaTestClient.send(Topics.OEM_ACCOUNTS, h.userId(), "not an event");
        try (var dlq = KafkaTestClient.reader(Topics.dlq(Topics.OEM_ACCOUNTS))) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> dlq.poll().stream().anyMatch(r -> h.userId().equals(r.key())));
        }

        assertThat(StoredAccounts.reload(accountId)).isNotNull();
        assertThat(StoredAccounts.reload(accountId).linksChargers).isTrue();
        assertThat(GrantRevocationRows.of(accountId)).isEmpty();
    }

    /**
     * An account linked for vehicles and chargers kept its grant for good once its last vehicle went (charger-service
     * still used it) and then its last charger: now the charger's release and the vehicle's unlink together revoke it.
     */
    @Test
    void anAccountLinkedForBothIsRevokedOnceItsLastChargerAndItsLastVehicleAreGone() throws Throwable {
        LinkedHousehold h = LinkedHousehold.linkTeslaVehiclesAndChargers("client-" + UUID.randomUUID());
        UUID accountId = h.accountId();

        released(h.clientId(), h, accountId, Instant.now());
        await().atMost(Duration.ofSeconds(60)).until(() -> !StoredAccounts.reload(accountId).linksChargers);
        assertThat(StoredAccounts.reload(accountId).linksVehicles).isTrue(); // its car still uses the grant
        assertThat(GrantRevocationRows.of(accountId)).isEmpty();

        given().auth().oauth2(Tokens.apiClient(h.clientId())).delete("/vehicles/" + h.vehicleId()).then()
                .statusCode(204);

        assertThat(StoredAccounts.reload(accountId)).isNull();
        assertThat(GrantRevocationRows.of(accountId)).hasSize(1);
    }
}
