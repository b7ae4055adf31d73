package io.plugmate.charger.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.charger.Announcements;
import io.plugmate.charger.SimulatorGrant;
import io.plugmate.device.AccountResync;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.events.OemAccountLinked;
import io.plugmate.events.OemAccountReleased;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Wallboxes installed or removed between announcements: the periodic re-sync reads each account's chargers again once
 * its interval (plugmate.accounts.resync-interval, 4 h) has passed. The tests make an account due by dating its last
 * sync back.
 */
@QuarkusTest
class AccountResyncTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    AccountResync resync;

    private static List<String> chargers(String clientId, String userId) {
        return given().auth().oauth2(Tokens.apiClient(clientId)).get("/users/" + userId + "/chargers").then()
                .statusCode(200).extract().jsonPath().getList("data.id");
    }

    private static String install(String householdId, String vendor) {
        return given().baseUri(SimulatorGrant.url()).contentType("application/json").body(Map.of("vendor", vendor))
                .post("/sandbox/households/" + householdId + "/chargers").then().statusCode(201).extract().path("id");
    }

    @Test
    void aWallboxInstalledAndOneRemovedBetweenLinksAreFoundWithoutARelink() throws Throwable {
        String clientId = "client-" + UUID.randomUUID();
        SimulatorGrant.Grant grant = SimulatorGrant.forNewHousehold("[\"NORDAUTO\"]", "[\"ZAPLINE\"]", "ZAPLINE");
        OemAccountLinked linked = Announcements.linked(clientId, grant);
        await().atMost(PATIENCE).until(() -> chargers(clientId, grant.userId()).size() == 1);
        String removed = chargers(clientId, grant.userId()).getFirst();
        install(grant.userId(), "ZAPLINE");
        given().baseUri(SimulatorGrant.url()).delete("/sandbox/devices/" + grant.household().getString("chargers[0].id"))
                .then().statusCode(204);
        Announcements.syncedAt(linked.accountId(), Instant.now().minus(Duration.ofHours(5)));

        int changes = VertxContextSupport.subscribeAndAwait(resync::resyncOnce);

        assertThat(changes).isGreaterThanOrEqualTo(2);
        List<String> now = chargers(clientId, grant.userId());
        assertThat(now).hasSize(1).doesNotContain(removed);
        given().auth().oauth2(Tokens.apiClient(clientId)).get("/chargers/" + removed).then().statusCode(404);
        try (var lifecycle = KafkaTestClient.reader(Topics.DEVICE_LIFECYCLE)) {
            await().atMost(PATIENCE).until(() -> lifecycle.poll().stream()
                    .map(r -> EventJson.read(r.value(), PlugmateEvent.class))
                    .anyMatch(e -> e instanceof DeviceRemoved r && r.deviceId().equals(removed)));
            assertThat(lifecycle.poll()).map(r -> EventJson.read(r.value(), PlugmateEvent.class))
                    .filteredOn(e -> e instanceof DeviceLinked l && l.deviceId().equals(now.getFirst())).hasSize(1);
        }
    }

    @Test
    void anAccountSyncedWithinTheIntervalIsNotAskedAgain() throws Throwable {
        String clientId = "client-" + UUID.randomUUID();
        SimulatorGrant.Grant grant = SimulatorGrant.forNewHousehold("[\"TESLA\"]", "[\"TESLA\"]", "TESLA");
        OemAccountLinked linked = Announcements.linked(clientId, grant);
        await().atMost(PATIENCE).until(() -> chargers(clientId, grant.userId()).size() == 1);
        Instant synced = Announcements.stored(linked.accountId()).syncedAt;
        install(grant.userId(), "TESLA");

        VertxContextSupport.subscribeAndAwait(resync::resyncOnce);

        given().auth().oauth2(Tokens.apiClient(clientId)).get("/users/" + grant.userId() + "/chargers").then()
                .body("data", hasSize(1));
        assertThat(synced).isNotNull();
        assertThat(Announcements.stored(linked.accountId()).syncedAt).isEqualTo(synced);
    }

    @Test
    void aChargerTheClientUnlinkedStaysUnlinkedThroughResyncsAndRotationsUntilTheUserLinksAgain() throws Throwable {
        String clientId = "client-" + UUID.randomUUID();
        SimulatorGrant.Grant grant = SimulatorGrant.forNewHousehold("[\"NORDAUTO\"]", "[\"ZAPLINE\"]", "ZAPLINE");
        OemAccountLinked linked = Announcements.linked(clientId, grant);
        await().atMost(PATIENCE).until(() -> chargers(clientId, grant.userId()).size() == 1);
        String unlinked = chargers(clientId, grant.userId()).getFirst();
        given().auth().oauth2(Tokens.apiClient(clientId)).delete("/chargers/" + unlinked).then().statusCode(204);

        // the OEM still lists it: before the tombstone, the re-sync discovered it again under a new id
        Announcements.syncedAt(linked.accountId(), Instant.now().minus(Duration.ofHours(5)));
        VertxContextSupport.subscribeAndAwait(resync::resyncOnce);
        assertThat(chargers(clientId, grant.userId())).isEmpty();

        // a credential rotation is no link by the user
        Instant rotatedExpiry = Instant.now().plusSeconds(7200).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Announcements.announce(clientId, linked.accountId(), grant, rotatedExpiry);
        await().atMost(PATIENCE)
                .until(() -> rotatedExpiry.equals(Announcements.stored(linked.accountId()).accessTokenExpiresAt));
        assertThat(chargers(clientId, grant.userId())).isEmpty();

        // the user links the account again: the charger is theirs again, under a new id
        OemAccountLinked relinked = new OemAccountLinked(UUID.randomUUID(), OemAccountLinked.SCHEMA_VERSION, clientId,
                grant.userId(), Instant.now(), linked.accountId(), grant.vendor(), grant.oemAccountId(),
                List.of(io.plugmate.events.DeviceType.CHARGER),
                Announcements.SHARED.encrypt(grant.accessToken(), linked.accountId()), rotatedExpiry, true);
        KafkaTestClient.send(Topics.OEM_ACCOUNTS, grant.userId(), EventJson.write(relinked));
        await().atMost(PATIENCE).until(() -> chargers(clientId, grant.userId()).size() == 1);
        assertThat(chargers(clientId, grant.userId())).doesNotContain(unlinked);
    }

    /**
     * Issue 13 point 14: a charger-only account kept its grant after the client unlinked its last charger, because
     * vehicle-service (which holds it) never heard. Now that unlink publishes {@code OemAccountReleased} on
     * {@code oem-accounts} (key userId) and this service forgets the account's sealed token; unlinking a charger that
     * is not the account's last publishes nothing.
     */
    @Test
    void unlinkingAnAccountsLastChargerReleasesTheAccountForVehicleService() throws Throwable {
        String clientId = "client-" + UUID.randomUUID();
        SimulatorGrant.Grant grant = SimulatorGrant.forNewHousehold("[\"NORDAUTO\"]", "[\"ZAPLINE\", \"ZAPLINE\"]",
                "ZAPLINE");
        OemAccountLinked linked = Announcements.linked(clientId, grant);
        await().atMost(PATIENCE).until(() -> chargers(clientId, grant.userId()).size() == 2);
        List<String> both = chargers(clientId, grant.userId());

        try (var accounts = KafkaTestClient.reader(Topics.OEM_ACCOUNTS)) {
            given().auth().oauth2(Tokens.apiClient("other-" + clientId)).delete("/chargers/" + both.get(0)).then()
                    .statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(Tokens.apiClient(clientId)).delete("/chargers/" + both.get(0)).then().statusCode(204);
            assertThat(Announcements.stored(linked.accountId())).isNotNull(); // its other charger still uses it
            given().auth().oauth2(Tokens.apiClient(clientId)).delete("/chargers/" + both.get(1)).then().statusCode(204);

            assertThat(Announcements.stored(linked.accountId())).isNull();
            await().atMost(PATIENCE).until(() -> accounts.poll().stream()
                    .anyMatch(r -> grant.userId().equals(r.key())
                            && EventJson.read(r.value(), PlugmateEvent.class) instanceof OemAccountReleased released
                            && released.clientId().equals(clientId)
                            && released.accountId().equals(linked.accountId())
                            && released.deviceType() == DeviceType.CHARGER && released.vendor().equals("ZAPLINE")));
            assertThat(accounts.poll().stream().filter(r -> grant.userId().equals(r.key()))
                    .map(r -> EventJson.read(r.value(), PlugmateEvent.class))
                    .filter(OemAccountReleased.class::isInstance)).hasSize(1);
        }
    }
}
