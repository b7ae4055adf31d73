package io.plugmate.vehicle.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.device.DeviceLifecycle;
import io.plugmate.events.DeviceType;
import io.plugmate.events.DeviceUpdated;
import io.plugmate.events.EventJson;
import io.plugmate.events.OemAccountLinked;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.oem.OemException;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.plugmate.vehicle.LinkedHousehold;
import io.plugmate.vehicle.Simulator;
import io.plugmate.vehicle.StoredAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

@QuarkusTest
class CredentialServiceTest {

    @Inject
    CredentialService credentials;

    @Inject
    CredentialUpkeep upkeep;

    private static List<OemAccountLinked> announcements(KafkaTestClient.Reader accounts, UUID account) {
        return accounts.poll().stream().map(r -> EventJson.read(r.value(), OemAccountLinked.class))
                .filter(e -> e.accountId().equals(account.toString())).toList();
    }

    @Test
    void anExpiringTokenIsRefreshedAndChargerServiceHearsOfTheNewOne() throws Throwable {
        LinkedHousehold h = LinkedHousehold.linkTeslaVehiclesAndChargers("client-" + UUID.randomUUID());
        UUID account = h.accountId();
        StoredAccounts.tokenExpiresAt(account, Instant.now().minusSeconds(1));

        String token = VertxContextSupport.subscribeAndAwait(() -> credentials.accessToken(account));

        assertThat(token).startsWith("at_");
        try (var accounts = KafkaTestClient.reader(Topics.OEM_ACCOUNTS)) {
            // the link's announcement, then the refresh's
            await().atMost(Duration.ofSeconds(30)).until(() -> announcements(accounts, account).size() == 2);
            assertThat(announcements(accounts, account).getLast().deviceTypes())
                    .isEqualTo(List.of(DeviceType.VEHICLE, DeviceType.CHARGER));
        }
        // the fresh token is used as it is until it nears expiry
        assertThat(VertxContextSupport.subscribeAndAwait(() -> credentials.accessToken(account))).startsWith("at_");
    }

    @Test
    void anAccountLinkedOnlyForVehiclesIsNotAnnouncedToChargerService() throws Throwable {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "TESLA");
        UUID account = h.accountId();
        StoredAccounts.tokenExpiresAt(account, Instant.now().minusSeconds(1));

        assertThat(VertxContextSupport.subscribeAndAwait(() -> credentials.accessToken(account))).startsWith("at_");
        h.relinkWithChargers(); // same user, same key: its announcement comes after anything the refresh published

        try (var accounts = KafkaTestClient.reader(Topics.OEM_ACCOUNTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !announcements(accounts, account).isEmpty());
            assertThat(announcements(accounts, account)).singleElement()
                    .satisfies(e -> assertThat(e.deviceTypes()).contains(DeviceType.CHARGER));
        }
    }

    @Test
    void grantsOfAccountsLinkedForChargersAreRenewedAheadOfExpiry() throws Throwable {
        LinkedHousehold chargers = LinkedHousehold.linkTeslaVehiclesAndChargers("client-" + UUID.randomUUID());
        LinkedHousehold vehiclesOnly = LinkedHousehold.link("client-" + UUID.randomUUID(), "TESLA");
        Instant soon = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        StoredAccounts.tokenExpiresAt(chargers.accountId(), soon);
        StoredAccounts.tokenExpiresAt(vehiclesOnly.accountId(), soon);

        int renewed = VertxContextSupport.subscribeAndAwait(upkeep::upkeepOnce);

        assertThat(renewed).isPositive();
        assertThat(StoredAccounts.reload(chargers.accountId()).accessTokenExpiresAt).isAfter(soon);
        // a vehicles-only account is refreshed when it is used, not ahead of time
        assertThat(StoredAccounts.reload(vehiclesOnly.accountId()).accessTokenExpiresAt).isEqualTo(soon);
        try (var accounts = KafkaTestClient.reader(Topics.OEM_ACCOUNTS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> accounts.poll().stream()
                    .map(r -> EventJson.read(r.value(), OemAccountLinked.class))
                    .filter(e -> e.accountId().equals(chargers.accountId().toString()))
                    .anyMatch(e -> e.accessTokenExpiresAt().isAfter(soon)));
        }
    }

    /** What the device-lifecycle topic said about the vehicle's reachability, in order. */
    private static List<String> reachability(KafkaTestClient.Reader lifecycle, String vehicleId) {
        return lifecycle.poll().stream().map(r -> EventJson.read(r.value(), PlugmateEvent.class))
                .filter(e -> e instanceof DeviceUpdated u && u.deviceId().equals(vehicleId))
                .map(e -> ((DeviceUpdated) e).isReachable() + " " + ((DeviceUpdated) e).unreachableReason()).toList();
    }

    @Test
    void aRevokedGrantBecomesAnInterventionNotADeletionAndLinkingAgainClearsIt() throws Throwable {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "AMPERIA");
        UUID account = h.accountId();
        given().baseUri(Simulator.url()).post("/sandbox/accounts/" + h.household().getString("accounts[0].accountId")
                + "/revoke-access").then().statusCode(200);
        StoredAccounts.tokenExpiresAt(account, Instant.now().minusSeconds(1));

        try (var lifecycle = KafkaTestClient.reader(Topics.DEVICE_LIFECYCLE)) {
            assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(() -> credentials.accessToken(account)))
                    .isInstanceOf(OemException.class).hasMessageContaining("link again");

            given().auth().oauth2(Tokens.apiClient(h.clientId())).get("/vehicles/" + h.vehicleId()).then()
                    .statusCode(200).body("isReachable", equalTo(false))
                    .body("capabilities.setMaxCurrent.isCapable", equalTo(false))
                    .body("capabilities.setMaxCurrent.interventionIds[0]", equalTo("relink-oem-account"));
            // orchestration hears it, and refuses the vehicle as a route instead of waiting for a deadline
            await().atMost(Duration.ofSeconds(30)).until(() -> reachability(lifecycle, h.vehicleId())
                    .equals(List.of("false " + DeviceLifecycle.CREDENTIAL_LAPSED)));

            h.relink();

            given().auth().oauth2(Tokens.apiClient(h.clientId())).get("/vehicles/" + h.vehicleId()).then()
                    .statusCode(200).body("capabilities.setMaxCurrent.isCapable", equalTo(true))
                    .body("capabilities.setMaxCurrent.interventionIds", empty());
            assertThat(StoredAccounts.reload(account).status).isEqualTo("ACTIVE");
            await().atMost(Duration.ofSeconds(30)).until(() -> reachability(lifecycle, h.vehicleId())
                    .equals(List.of("false " + DeviceLifecycle.CREDENTIAL_LAPSED, "true null")));
        }
    }
}
