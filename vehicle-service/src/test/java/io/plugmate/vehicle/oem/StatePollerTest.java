package io.plugmate.vehicle.oem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.device.AccountCredentials;
import io.plugmate.device.DeviceDirectory;
import io.plugmate.device.FutureReportProblem;
import io.plugmate.device.PollingConfig;
import io.plugmate.device.StatePoller;
import io.plugmate.oem.OemClient;
import io.plugmate.testinfra.Tokens;
import io.plugmate.vehicle.LinkedHousehold;
import io.plugmate.vehicle.OverlappingTransactions;
import io.plugmate.vehicle.SeededVehicles;
import io.plugmate.vehicle.Simulator;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.plugmate.vehicle.persistence.VehicleRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.core.Vertx;

/** Without any webhook, polling alone brings a vehicle's state in from the real simulator. */
@QuarkusTest
class StatePollerTest {

    @Inject
    StatePoller poller;

    @Inject
    DeviceDirectory directory;

    @Inject
    ObjectMapper json;

    @Inject
    PollingConfig config;

    @Inject
    VehicleRepository vehicles;

    @Inject
    AccountCredentials credentials;

    @Inject
    OemClient oem;

    @Inject
    Vertx vertx;

    /** Another instance of the service: its own poller, nothing in common with this one but the database. */
    private StatePoller otherInstance() {
        return new StatePoller(config, vehicles, directory, credentials, oem, vertx);
    }

    /** The household's car, gone from its OEM: every reading fails, so it stays quiet and due after each round. */
    private static LinkedHousehold unreadableCar() {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "NORDAUTO");
        given().baseUri(Simulator.url()).delete("/sandbox/devices/" + h.household().getString("vehicles[0].id"))
                .then().statusCode(204);
        return h;
    }

    @Test
    void aQuietVehicleIsReadFromItsOemAndThenLeftAloneForTheCadence() throws Throwable {
        String clientId = "client-" + UUID.randomUUID();
        LinkedHousehold h = LinkedHousehold.link(clientId, "NORDAUTO"); // NORDAUTO never pushes
        given().baseUri(Simulator.url()).contentType("application/json").body("{\"batteryLevel\": 42}")
                .put("/sandbox/vehicles/" + h.household().getString("vehicles[0].id") + "/battery").then()
                .statusCode(200);

        int firstRound = VertxContextSupport.subscribeAndAwait(poller::pollOnce);
        given().auth().oauth2(Tokens.apiClient(clientId)).get("/vehicles/" + h.vehicleId()).then()
                .body("chargeState.batteryLevel", equalTo(42.0f)).body("isReachable", equalTo(true))
                .body("location", equalTo(null));
        int secondRound = VertxContextSupport.subscribeAndAwait(poller::pollOnce);

        assertThat(firstRound).isPositive();
        // just heard from: not asked again within the cadence (other tests' vehicles may still be due)
        assertThat(secondRound).isLessThan(firstRound);
    }

    @Test
    void aVehicleWhoseReadingFailsGoesToTheBackOfTheLine() throws Throwable {
        LinkedHousehold h = unreadableCar(); // every reading fails, it stays the quietest

        List<String> asked = List.of();
        for (int round = 0; round < 10 && !asked.contains(h.vehicleId()); round++) {
            asked = VertxContextSupport.subscribeAndAwait(poller::pollRound);
        }
        assertThat(asked).contains(h.vehicleId());
        // asked and failed: behind every device not asked yet, not first again
        assertThat(VertxContextSupport.subscribeAndAwait(poller::pollRound)).doesNotContain(h.vehicleId());
    }

    /**
     * Issue 13 point 5, the poller's path: a reading the poller fetched goes through the same {@code observe} as a
     * push (in its own transaction), so one dated 2099 is refused there too and the vehicle keeps its state.
     */
    @Test
    void aReadingFromTheFutureIsRefusedLikeAPush() {
        VehicleEntity v = SeededVehicles.seed("client-" + UUID.randomUUID(), "user-" + UUID.randomUUID());
        var reading = json.createObjectNode().put("vehicleId", v.vendorVehicleId).put("observedAt",
                "2099-01-01T00:00:00Z").put("batteryLevel", 99);

        assertThatThrownBy(() -> VertxContextSupport.subscribeAndAwait(
                () -> Panache.withTransaction(() -> directory.observe("TESLA", reading))))
                .isInstanceOf(FutureReportProblem.class);
        assertThat(SeededVehicles.reload(v.id).batteryLevel).isEqualTo(56.0);
    }

    /**
     * Issue 14 point 4: what was asked lately is in the database, not in one instance's memory, so another instance
     * does not ask the OEM again for a device this one asked within the cadence (here one whose reading failed, so that
     * it is still quiet).
     */
    @Test
    void aDeviceOneInstanceAskedIsNotAskedByAnotherWithinTheCadence() throws Throwable {
        LinkedHousehold h = unreadableCar();

        List<String> asked = List.of();
        for (int round = 0; round < 10 && !asked.contains(h.vehicleId()); round++) {
            asked = VertxContextSupport.subscribeAndAwait(poller::pollRound);
        }

        assertThat(asked).contains(h.vehicleId());
        assertThat(VertxContextSupport.subscribeAndAwait(otherInstance()::pollRound)).doesNotContain(h.vehicleId());
    }

    /** Two instances claiming at the same moment: the second skips the devices the first holds, none is taken twice. */
    @Test
    void twoConcurrentClaimsNeverTakeTheSameDevice() throws Throwable {
        LinkedHousehold h = unreadableCar();
        Instant now = Instant.now();
        Instant quietSince = now.plus(Duration.ofSeconds(1)); // every linked vehicle counts as quiet

        var claims = OverlappingTransactions.run(
                () -> vehicles.claimQuiet(quietSince, now, now.plus(config.cadence()), 1000),
                () -> vehicles.claimQuiet(quietSince, now, now.plus(config.cadence()), 1000));

        List<UUID> first = claims.first().stream().map(v -> v.id).toList();
        assertThat(first).contains(UUID.fromString(h.vehicleId()));
        assertThat(claims.second()).extracting(v -> v.id).doesNotContainAnyElementsOf(first);
    }
}
