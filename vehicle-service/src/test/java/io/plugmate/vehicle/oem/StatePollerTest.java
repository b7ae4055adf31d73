package io.plugmate.vehicle.oem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.device.DeviceDirectory;
import io.plugmate.device.FutureReportProblem;
import io.plugmate.device.StatePoller;
import io.plugmate.testinfra.Tokens;
import io.plugmate.vehicle.LinkedHousehold;
import io.plugmate.vehicle.SeededVehicles;
import io.plugmate.vehicle.Simulator;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/** Without any webhook, polling alone brings a vehicle's state in from the real simulator. */
@QuarkusTest
class StatePollerTest {

    @Inject
    StatePoller poller;

    @Inject
    DeviceDirectory directory;

    @Inject
    ObjectMapper json;

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
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "NORDAUTO");
        given().baseUri(Simulator.url()).delete("/sandbox/devices/" + h.household().getString("vehicles[0].id"))
                .then().statusCode(204); // the OEM no longer knows it: every reading fails, it stays the quietest

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
}
