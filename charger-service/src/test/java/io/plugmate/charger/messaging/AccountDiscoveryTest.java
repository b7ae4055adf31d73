package io.plugmate.charger.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.charger.Announcements;
import io.plugmate.charger.SimulatorGrant;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceLifecycleEvent;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceType;
import io.plugmate.events.DeviceUpdated;
import io.plugmate.events.ElectricalData;
import io.plugmate.events.EventJson;
import io.plugmate.events.OemAccountLinked;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.oem.CredentialCipher;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AccountDiscoveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final CredentialCipher SHARED = Announcements.SHARED;

    private static OemAccountLinked linked(String clientId, SimulatorGrant.Grant grant, List<DeviceType> types,
            CredentialCipher cipher) {
        String accountId = UUID.randomUUID().toString();
        return new OemAccountLinked(UUID.randomUUID(), 1, clientId, grant.userId(), Instant.now(), accountId,
                grant.vendor(), grant.oemAccountId(), types, cipher.encrypt(grant.accessToken(), accountId),
                Instant.now().plusSeconds(3600));
    }

    private static void publish(OemAccountLinked event) {
        KafkaTestClient.send(Topics.OEM_ACCOUNTS, event.userId(), EventJson.write(event));
    }

    @Test
    void aLinkedTeslaAccountBringsItsChargerIn() {
        String clientId = "client-" + UUID.randomUUID();
        SimulatorGrant.Grant grant = SimulatorGrant.forNewHousehold("[\"TESLA\"]", "[\"TESLA\"]");

        try (var lifecycle = KafkaTestClient.reader(Topics.DEVICE_LIFECYCLE)) {
            publish(linked(clientId, grant, List.of(DeviceType.VEHICLE, DeviceType.CHARGER), SHARED));

            await().atMost(PATIENCE).until(() -> given().auth().oauth2(Tokens.apiClient(clientId))
                    .get("/users/" + grant.userId() + "/chargers").then().extract().jsonPath().getList("data").size() == 1);
            String chargerId = given().auth().oauth2(Tokens.apiClient(clientId))
                    .get("/users/" + grant.userId() + "/chargers").then().body("data", hasSize(1))
                    .body("data[0].vendor", equalTo("TESLA"))
                    .body("data[0].information.serialNumber", notNullValue())
                    .body("data[0].capabilities.setMaxCurrent.isCapable", equalTo(true))
                    .extract().path("data[0].id");
            await().atMost(PATIENCE).until(() -> lifecycle.poll().stream()
                    .map(r -> EventJson.read(r.value(), PlugmateEvent.class))
                    .anyMatch(e -> e instanceof DeviceLinked l && l.deviceId().equals(chargerId)
                            && l.deviceType() == DeviceType.CHARGER));
        }
    }

    /** orchestration converts a power limit with these: I = P / (phases × U), clamped to the range. */
    @Test
    void eachChargerIsAnnouncedWithItsSupply() {
        String clientId = "client-" + UUID.randomUUID();
        try (var lifecycle = KafkaTestClient.reader(Topics.DEVICE_LIFECYCLE)) {
            for (String vendor : List.of("TESLA", "WATTBOX", "ZAPLINE")) {
                SimulatorGrant.Grant grant = SimulatorGrant.forNewHousehold("[\"VOLTRA\"]", "[\"" + vendor + "\"]", vendor);
                publish(linked(clientId, grant, List.of(DeviceType.CHARGER), SHARED));
            }

            await().atMost(PATIENCE).until(() -> supplies(lifecycle, clientId).size() == 3);
            assertThat(supplies(lifecycle, clientId)).containsExactlyInAnyOrder(
                    "TESLA " + new ElectricalData(3, 230.0, 6.0, 32.0),
                    "WATTBOX " + new ElectricalData(3, 230.0, 16.0, 16.0),
                    "ZAPLINE " + new ElectricalData(1, 230.0, 6.0, 32.0));
        }
        // a TESLA Wall Connector takes a current limit and its supply is known: a power limit is native too
        given().auth().oauth2(Tokens.apiClient(clientId)).get("/chargers").then().body("data", hasSize(3))
                .body("data.find { it.vendor == 'TESLA' }.capabilities.setMaxPower.isCapable", equalTo(true))
                .body("data.find { it.vendor == 'WATTBOX' }.capabilities.setMaxPower.isCapable", equalTo(false));
    }

    private static List<String> supplies(KafkaTestClient.Reader lifecycle, String clientId) {
        return lifecycle.poll().stream().map(r -> EventJson.read(r.value(), PlugmateEvent.class))
                .filter(e -> e instanceof DeviceLinked l && l.clientId().equals(clientId))
                .map(e -> ((DeviceLinked) e).vendor() + " " + ((DeviceLinked) e).electrical()).toList();
    }

    @Test
    void aRedeliveredAnnouncementLinksNothingTwice() {
        String clientId = "client-" + UUID.randomUUID();
        SimulatorGrant.Grant grant = SimulatorGrant.forNewHousehold("[\"TESLA\"]", "[\"TESLA\"]");
        SimulatorGrant.Grant other = SimulatorGrant.forNewHousehold("[\"TESLA\"]", "[\"TESLA\"]");
        OemAccountLinked event = linked(clientId, grant, List.of(DeviceType.CHARGER), SHARED);

        publish(event);
        publish(event); // a redelivery: same eventId
        publish(linked(clientId, other, List.of(DeviceType.CHARGER), SHARED));

        await().atMost(PATIENCE).until(() -> given().auth().oauth2(Tokens.apiClient(clientId))
                .get("/users/" + other.userId() + "/chargers").then().extract().jsonPath().getList("data").size() == 1);
        given().auth().oauth2(Tokens.apiClient(clientId)).get("/users/" + grant.userId() + "/chargers").then()
                .body("data", hasSize(1));
    }

    @Test
    void aVehicleOnlyAccountIsNotAskedForChargers() {
        String clientId = "client-" + UUID.randomUUID();
        SimulatorGrant.Grant cars = SimulatorGrant.forNewHousehold("[\"VOLTRA\"]", "[]");
        SimulatorGrant.Grant marker = SimulatorGrant.forNewHousehold("[\"TESLA\"]", "[\"TESLA\"]");

        try (var dlq = KafkaTestClient.reader(Topics.dlq(Topics.OEM_ACCOUNTS))) {
            publish(linked(clientId, cars, List.of(DeviceType.VEHICLE), SHARED));
            publish(linked(clientId, marker, List.of(DeviceType.CHARGER), SHARED));

            await().atMost(PATIENCE).until(() -> given().auth().oauth2(Tokens.apiClient(clientId)).get("/chargers")
                    .then().extract().jsonPath().getList("data").size() == 1);
            assertThat(dlq.poll()).noneMatch(r -> r.value().contains(clientId));
        }
    }

    @Test
    void aCredentialSealedWithAnotherKeyGoesToTheDlq() {
        String clientId = "client-" + UUID.randomUUID();
        SimulatorGrant.Grant grant = SimulatorGrant.forNewHousehold("[\"TESLA\"]", "[\"TESLA\"]");
        CredentialCipher stranger = new CredentialCipher(Base64.getEncoder().encodeToString(new byte[32]));

        try (var dlq = KafkaTestClient.reader(Topics.dlq(Topics.OEM_ACCOUNTS))) {
            OemAccountLinked forged = linked(clientId, grant, List.of(DeviceType.CHARGER), stranger);
            publish(forged);

            await().atMost(PATIENCE).until(() -> dlq.poll().stream().anyMatch(r -> r.value().contains(forged.accountId())));
            var dead = dlq.poll().stream().filter(r -> r.value().contains(forged.accountId())).findFirst().orElseThrow();
            assertThat(KafkaTestClient.header(dead, Topics.DLQ_REASON_HEADER)).contains("cannot be decrypted");
        }
        given().auth().oauth2(Tokens.apiClient(clientId)).get("/chargers").then().body("data", hasSize(0));
    }

    private static OemAccountLinked announced(String clientId, SimulatorGrant.Grant grant, String accountId,
            List<String> scopes) {
        OemAccountLinked event = new OemAccountLinked(UUID.randomUUID(), OemAccountLinked.SCHEMA_VERSION, clientId,
                grant.userId(), Instant.now(), accountId, grant.vendor(), grant.oemAccountId(),
                List.of(DeviceType.CHARGER), SHARED.encrypt(grant.accessToken(), accountId), Instant.now().plusSeconds(3600),
                false, scopes);
        publish(event);
        return event;
    }

    private static DeviceCapabilities lastAnnounced(KafkaTestClient.Reader lifecycle, String chargerId) {
        return lifecycle.poll().stream().map(r -> EventJson.read(r.value(), PlugmateEvent.class))
                .filter(e -> e instanceof DeviceLifecycleEvent d && chargerId.equals(d.deviceId()))
                .map(e -> e instanceof DeviceLinked l ? l.capabilities() : ((DeviceUpdated) e).capabilities())
                .reduce((first, second) -> second).orElse(null);
    }

    /** The scopes the charger's latest announcement carried (schema 3), for statistics. */
    private static List<String> lastScopes(KafkaTestClient.Reader lifecycle, String chargerId) {
        return lifecycle.poll().stream().map(r -> EventJson.read(r.value(), PlugmateEvent.class))
                .filter(e -> e instanceof DeviceLifecycleEvent d && chargerId.equals(d.deviceId()))
                .map(e -> e instanceof DeviceLinked l ? l.scopes() : ((DeviceUpdated) e).scopes())
                .reduce((first, second) -> second).orElse(null);
    }

    /**
     * ADR 0012 for chargers: the scopes the client was granted, carried by {@code OemAccountLinked} (schema 3), govern
     * the charger — without charger:control:charging no start, stop or current limit of its own (in the view and in
     * DeviceLinked/DeviceUpdated, so orchestration never commands it natively), without charger:read:data no charge
     * state in the view; a change is announced again; an announcement without scopes keeps them.
     */
    @Test
    void theScopesOfTheLinkGovernTheChargersControlsAndState() {
        String clientId = "client-" + UUID.randomUUID();
        SimulatorGrant.Grant grant = SimulatorGrant.forNewHousehold("[\"TESLA\"]", "[\"TESLA\"]");
        String accountId = UUID.randomUUID().toString();
        DeviceCapabilities control = new DeviceCapabilities(true, true, true, false);
        DeviceCapabilities none = new DeviceCapabilities(false, false, false, false);
        try (var lifecycle = KafkaTestClient.reader(Topics.DEVICE_LIFECYCLE)) {
            announced(clientId, grant, accountId, List.of("charger:read:data"));
            await().atMost(PATIENCE).until(() -> given().auth().oauth2(Tokens.apiClient(clientId))
                    .get("/users/" + grant.userId() + "/chargers").then().extract().jsonPath().getList("data").size() == 1);
            String chargerId = given().auth().oauth2(Tokens.apiClient(clientId))
                    .get("/users/" + grant.userId() + "/chargers").then().extract().path("data[0].id");
            String charger = "/chargers/" + chargerId;
            given().auth().oauth2(Tokens.apiClient(clientId)).get(charger).then().statusCode(200)
                    .body("capabilities.startCharging.isCapable", equalTo(false))
                    .body("capabilities.setMaxCurrent.isCapable", equalTo(false))
                    .body("capabilities.setMaxPower.isCapable", equalTo(false))
                    .body("chargeState", notNullValue());
            await().atMost(PATIENCE).until(() -> none.equals(lastAnnounced(lifecycle, chargerId)));
            assertThat(lastScopes(lifecycle, chargerId)).containsExactly("charger:read:data");
            given().auth().oauth2(Tokens.apiClient("other-" + clientId)).get(charger).then().statusCode(404)
                    .contentType("application/problem+json");
            given().get(charger).then().statusCode(401);
            given().auth().oauth2(Tokens.admin(clientId)).get(charger).then().statusCode(403);

            // a new link granting control: every service hears the charger can be commanded
            announced(clientId, grant, accountId, List.of("charger:read:data", "charger:control:charging"));
            await().atMost(PATIENCE).until(() -> control.equals(lastAnnounced(lifecycle, chargerId)));
            assertThat(lastScopes(lifecycle, chargerId)).containsExactly("charger:control:charging", "charger:read:data");
            given().auth().oauth2(Tokens.apiClient(clientId)).get(charger).then()
                    .body("capabilities.startCharging.isCapable", equalTo(true))
                    .body("capabilities.setMaxPower.isCapable", equalTo(true));

            // an announcement from before schema 3 says nothing about scopes: they stay
            OemAccountLinked rotation = new OemAccountLinked(UUID.randomUUID(), 2, clientId, grant.userId(),
                    Instant.now(), accountId, grant.vendor(), grant.oemAccountId(), List.of(DeviceType.CHARGER),
                    SHARED.encrypt(grant.accessToken(), accountId), Instant.now().plusSeconds(7200).truncatedTo(
                            java.time.temporal.ChronoUnit.SECONDS),
                    false);
            publish(rotation);
            await().atMost(PATIENCE).until(() -> rotation.accessTokenExpiresAt()
                    .equals(Announcements.stored(accountId).accessTokenExpiresAt));
            assertThat(Announcements.stored(accountId).scopes)
                    .isEqualTo("charger:control:charging charger:read:data");

            // control without read: the view shows no charge state, and every service hears the charger's scopes
            // (statistics withholds what it measured), though its capabilities did not change
            announced(clientId, grant, accountId, List.of("charger:control:charging"));
            await().atMost(PATIENCE).until(() -> "charger:control:charging".equals(Announcements.stored(accountId).scopes));
            await().atMost(PATIENCE).until(() -> List.of("charger:control:charging")
                    .equals(lastScopes(lifecycle, chargerId)));
            assertThat(lastAnnounced(lifecycle, chargerId)).isEqualTo(control);
            given().auth().oauth2(Tokens.apiClient(clientId)).get(charger).then().statusCode(200)
                    .body("chargeState", nullValue()).body("capabilities.startCharging.isCapable", equalTo(true));
        }
    }
}
