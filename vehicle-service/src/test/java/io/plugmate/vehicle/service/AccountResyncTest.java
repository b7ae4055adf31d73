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

import io.plugmate.device.AccountDirectory;
import io.plugmate.device.AccountResync;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.EventJson;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.plugmate.vehicle.LinkedHousehold;
import io.plugmate.vehicle.OverlappingTransactions;
import io.plugmate.vehicle.Simulator;
import io.plugmate.vehicle.StoredAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Cars bought or sold between links: the periodic re-sync reads each linked account's vehicles again once its interval
 * (plugmate.accounts.resync-interval, 4 h) has passed. The tests make an account due by dating its last sync back.
 */
@QuarkusTest
class AccountResyncTest {

    @Inject
    AccountResync resync;

    @Inject
    AccountDirectory accounts;

    private static String addCar(LinkedHousehold h, String vendor) {
        return given().baseUri(Simulator.url()).contentType("application/json").body(Map.of("vendor", vendor))
                .post("/sandbox/households/" + h.userId() + "/vehicles").then().statusCode(201).extract().path("id");
    }

    private static void removeAtOem(String oemDeviceId) {
        given().baseUri(Simulator.url()).delete("/sandbox/devices/" + oemDeviceId).then().statusCode(204);
    }

    private static List<PlugmateEvent> lifecycleOf(KafkaTestClient.Reader reader, String userId) {
        return reader.poll().stream().filter(r -> userId.equals(r.key()))
                .map(r -> EventJson.read(r.value(), PlugmateEvent.class)).toList();
    }

    @Test
    void aCarBoughtAndACarSoldBetweenLinksAreFoundWithoutARelink() throws Throwable {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "TESLA");
        String bought = addCar(h, "TESLA");
        removeAtOem(h.oemVehicleId());
        StoredAccounts.syncedAt(h.accountId(), Instant.now().minus(Duration.ofHours(5)));

        int changes = VertxContextSupport.subscribeAndAwait(resync::resyncOnce);

        assertThat(changes).isGreaterThanOrEqualTo(2);
        String newVehicleId = given().auth().oauth2(Tokens.apiClient(h.clientId()))
                .get("/users/" + h.userId() + "/vehicles").then().statusCode(200).body("data", hasSize(1))
                .body("data[0].vendor", equalTo("TESLA")).extract().path("data[0].id");
        assertThat(newVehicleId).isNotEqualTo(h.vehicleId());
        given().auth().oauth2(Tokens.apiClient(h.clientId())).get("/vehicles/" + h.vehicleId()).then()
                .statusCode(404);
        try (var lifecycle = KafkaTestClient.reader(Topics.DEVICE_LIFECYCLE)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> lifecycleOf(lifecycle, h.userId()).stream()
                    .anyMatch(e -> e instanceof DeviceRemoved r && r.deviceId().equals(h.vehicleId())));
            assertThat(lifecycleOf(lifecycle, h.userId())).filteredOn(DeviceLinked.class::isInstance)
                    .extracting(e -> ((DeviceLinked) e).deviceId()).containsExactly(h.vehicleId(), newVehicleId);
        }
        assertThat(bought).isNotBlank();

        // just synced: the next round leaves the account alone
        addCar(h, "TESLA");
        VertxContextSupport.subscribeAndAwait(resync::resyncOnce);
        given().auth().oauth2(Tokens.apiClient(h.clientId())).get("/users/" + h.userId() + "/vehicles").then()
                .body("data", hasSize(1));
    }

    @Test
    void anAccountSyncedWithinTheIntervalIsNotAskedAgain() throws Throwable {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "NORDAUTO");
        Instant linked = StoredAccounts.reload(h.accountId()).syncedAt;
        addCar(h, "NORDAUTO");

        VertxContextSupport.subscribeAndAwait(resync::resyncOnce);

        given().auth().oauth2(Tokens.apiClient(h.clientId())).get("/users/" + h.userId() + "/vehicles").then()
                .body("data", hasSize(1));
        assertThat(linked).isNotNull();
        assertThat(StoredAccounts.reload(h.accountId()).syncedAt).isEqualTo(linked);
    }

    @Test
    void aGrantRevokedAtTheOemTurnsIntoAnInterventionAtTheNextResync() throws Throwable {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "AMPERIA");
        given().baseUri(Simulator.url()).post("/sandbox/accounts/" + h.household().getString("accounts[0].accountId")
                + "/revoke-access").then().statusCode(200);
        StoredAccounts.syncedAt(h.accountId(), Instant.now().minus(Duration.ofHours(5)));

        VertxContextSupport.subscribeAndAwait(resync::resyncOnce);

        // the listing was refused, the refresh too: the grant is dead, the vehicle stays with an intervention
        assertThat(StoredAccounts.reload(h.accountId()).status).isEqualTo("INVALID");
        given().auth().oauth2(Tokens.apiClient(h.clientId())).get("/vehicles/" + h.vehicleId()).then()
                .statusCode(200).body("isReachable", equalTo(false))
                .body("capabilities.startCharging.isCapable", equalTo(false))
                .body("capabilities.startCharging.interventionIds[0]", equalTo("relink-oem-account"));
    }

    /**
     * Two instances ticking at the same moment (issue 14 point 4): the second claim runs while the first has claimed and
     * not committed. It skips the accounts the first holds, and once the first has committed they are no longer due:
     * an account's devices are listed at its OEM once per interval, not once per instance.
     */
    @Test
    void twoConcurrentClaimsNeverTakeTheSameAccount() throws Throwable {
        List<UUID> due = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "NORDAUTO");
            StoredAccounts.syncedAt(h.accountId(), Instant.now().minus(Duration.ofHours(5)));
            due.add(h.accountId());
        }
        Instant now = Instant.now();
        Instant before = now.minus(Duration.ofHours(4));

        var claims = OverlappingTransactions.run(() -> accounts.claimDue(before, now, 1000),
                () -> accounts.claimDue(before, now, 1000));

        List<UUID> first = claims.first().stream().map(AccountDirectory.Account::id).toList();
        List<UUID> second = claims.second().stream().map(AccountDirectory.Account::id).toList();
        assertThat(first).containsAll(due);
        assertThat(second).doesNotContainAnyElementsOf(first);
        // committed: synced now, so a third claim finds none of them due
        List<AccountDirectory.Account> third = VertxContextSupport
                .subscribeAndAwait(() -> io.quarkus.hibernate.reactive.panache.Panache
                        .withTransaction(() -> accounts.claimDue(before, now, 1000)));
        assertThat(third).extracting(AccountDirectory.Account::id).doesNotContainAnyElementsOf(due);
    }
}
