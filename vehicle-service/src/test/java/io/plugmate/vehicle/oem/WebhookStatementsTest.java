package io.plugmate.vehicle.oem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.device.WebhookBatches;
import io.plugmate.device.WebhookConfig;
import io.plugmate.oem.WebhookSignature;
import io.plugmate.testinfra.Statements;
import io.plugmate.vehicle.SeededVehicles;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * Issue 14: the CPU of a webhook is the reactive stack around each statement, so the statements one webhook sends are
 * pinned here (counted, not timed): the delivery recorded, the vehicle's copies locked, and one statement writing the
 * observation, the vehicle's state and its event (device-kit's ObservationWrite). It was five: the observation, the
 * outbox row and Hibernate's update of the whole row were one each.
 * <p>
 * Deliveries waiting together share one transaction (device-kit's WebhookBatches): one statement records all of them,
 * one reads and locks every vehicle they name, and one writes all their observations, states and events — three
 * statements and one BEGIN and COMMIT for the batch, whatever its size (it was 2 + one write per vehicle).
 */
@QuarkusTest
class WebhookStatementsTest {

    /** How device-kit's ObservationWrite begins: the rows it writes, as arrays. */
    private static final String OBSERVATIONS = "with report as materialized ( select * from unnest(";

    @TestHTTPResource("/oem/tesla/webhooks")
    URI webhooks;

    @Inject
    WebhookBatches batches;

    @Inject
    WebhookConfig config;

    private static ValidatableResponse deliver(String deliveryId, String body) {
        return given().contentType("application/json").header("X-Oem-Delivery-Id", deliveryId)
                .header("X-Oem-Signature", WebhookSignature.header(WaitingDeliveries.SECRET, Instant.now().getEpochSecond(),
                        body.getBytes(StandardCharsets.UTF_8)))
                .body(body).post("/oem/tesla/webhooks").then();
    }

    @Test
    void aNewReportIsThreeStatements() {
        VehicleEntity v = SeededVehicles.seed("client-" + UUID.randomUUID(), "user-" + UUID.randomUUID());
        Instant t = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);

        for (int report = 0; report < 2; report++) {
            String body = WaitingDeliveries.body(v, t.plusSeconds(report), 60 + report);
            List<String> sent = Statements.during(() -> deliver(UUID.randomUUID().toString(), body).statusCode(200)
                    .body("vehiclesUpdated", equalTo(1)));

            assertThat(sent).as("statements of one webhook").satisfiesExactly(
                    s -> assertThat(s).startsWith(WaitingDeliveries.RECORD).contains("unnest"),
                    s -> assertThat(s).startsWith("select").contains(" from vehicle ").contains("for no key update"),
                    s -> assertThat(s).startsWith(OBSERVATIONS).contains("insert into vehicle_observation")
                            .contains("update vehicle d set").contains("insert into outbox_event"));
        }
        assertThat(SeededVehicles.reload(v.id).batteryLevel).isEqualTo(61.0);
    }

    @Test
    void aRepeatedDeliveryIsOneStatement() {
        VehicleEntity v = SeededVehicles.seed("client-" + UUID.randomUUID(), "user-" + UUID.randomUUID());
        String body = WaitingDeliveries.body(v, Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS), 70);
        deliver(UUID.randomUUID().toString(), body).statusCode(200).body("result", equalTo("accepted"));

        List<String> sent = Statements.during(() -> deliver(UUID.randomUUID().toString(), body).statusCode(200)
                .body("result", equalTo("duplicate-delivery")));

        assertThat(sent).singleElement().satisfies(s -> assertThat(s).startsWith(WaitingDeliveries.RECORD));
    }

    @Test
    void deliveriesWaitingTogetherAreOneTransactionAndOneLookup() {
        int deliveries = 6;
        List<VehicleEntity> vehicles = java.util.stream.IntStream.range(0, deliveries)
                .mapToObj(n -> SeededVehicles.seed("client-" + UUID.randomUUID(), "user-" + UUID.randomUUID())).toList();
        Instant t = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        List<java.util.concurrent.CompletableFuture<java.net.http.HttpResponse<String>>> answers = new ArrayList<>();

        List<String> sent;
        try (var waiting = WaitingDeliveries.behindBusySlots(webhooks, batches, config.batches().inFlight())) {
            for (int n = 0; n < deliveries; n++) {
                answers.add(waiting.queue(WaitingDeliveries.body(vehicles.get(n), t, 60 + n)));
            }
            sent = Statements.during(() -> {
                waiting.release();
                answers.forEach(WaitingDeliveries::answer);
            });
        }

        assertThat(answers).allSatisfy(answer -> {
            assertThat(WaitingDeliveries.answer(answer).statusCode()).isEqualTo(200);
            assertThat(WaitingDeliveries.answer(answer).body()).contains("\"vehiclesUpdated\":1");
        });
        // the held batches were recorded and waited for their vehicle before: what is recorded here is the one batch
        assertThat(sent).as("one transaction for the %d waiting deliveries", deliveries)
                .filteredOn(s -> s.startsWith(WaitingDeliveries.RECORD)).hasSize(1);
        assertThat(sent).as("one lookup locking the %d vehicles", deliveries).filteredOn(s -> s.startsWith("select")
                && s.contains(" from vehicle ") && s.contains("for no key update")).singleElement()
                .satisfies(s -> assertThat(s).contains("unnest").contains("order by"));
        assertThat(sent).as("one write of the %d vehicles' observations, and one of each held batch", deliveries)
                .filteredOn(s -> s.startsWith(OBSERVATIONS)).hasSize(1 + config.batches().inFlight());
        for (int n = 0; n < deliveries; n++) {
            assertThat(SeededVehicles.reload(vehicles.get(n).id).batteryLevel).isEqualTo(60.0 + n);
        }
    }
}
