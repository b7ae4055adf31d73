package io.plugmate.vehicle.oem;

import static io.plugmate.vehicle.oem.WaitingDeliveries.answer;
import static io.plugmate.vehicle.oem.WaitingDeliveries.body;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.plugmate.device.WebhookBatches;
import io.plugmate.device.WebhookConfig;
import io.plugmate.oem.WebhookSignature;
import io.plugmate.testinfra.HeldWebhookBatches;
import io.plugmate.testinfra.NativeSql;
import io.plugmate.testinfra.Statements;
import io.plugmate.vehicle.SeededVehicles;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;

/**
 * Issue 14: deliveries waiting together are recorded and applied in one transaction (device-kit's WebhookBatches), yet
 * each is answered as if it had come alone: one that fails the batch fails only itself, a duplicate is a duplicate, and
 * one vehicle's reports apply in their arrival order. The batches are made deterministically ({@link WaitingDeliveries}).
 */
@QuarkusTest
class WebhookBatchTest {

    @TestHTTPResource("/oem/tesla/webhooks")
    URI webhooks;

    @Inject
    WebhookBatches batches;

    @Inject
    WebhookConfig config;

    @Inject
    MeterRegistry meters;

    private static VehicleEntity vehicle() {
        return SeededVehicles.seed("client-" + UUID.randomUUID(), "user-" + UUID.randomUUID());
    }

    private static Instant soon() {
        return Instant.now().plusSeconds(10).truncatedTo(ChronoUnit.SECONDS);
    }

    private static JsonPath json(CompletableFuture<HttpResponse<String>> answer) {
        return JsonPath.from(answer(answer).body());
    }

    private static long observations(VehicleEntity v) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.createNativeQuery("select count(*) from vehicle_observation where vehicle_id = :id",
                            Long.class).setParameter("id", v.id).getSingleResult())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private HeldWebhookBatches waiting() {
        return WaitingDeliveries.behindBusySlots(webhooks, batches, config.batches().inFlight());
    }

    @Test
    void aReportFromTheFutureOrOneThatDoesNotReadIsRefusedAloneAndTheOthersInItsBatchAreApplied() {
        VehicleEntity first = vehicle();
        VehicleEntity future = vehicle();
        VehicleEntity last = vehicle();
        Instant t = soon();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();

        List<String> sent;
        try (var waiting = waiting()) {
            answers.add(waiting.queue(body(first, t, 61)));
            answers.add(waiting.queue(body(future, Instant.parse("2099-01-01T00:00:00Z"), 99)));
            answers.add(waiting.queue("""
                    {"deliveryId":"d","event":"vehicle.state","vendor":"TESLA","report":{"vehicleId":null,"n":"%s"}}"""
                    .formatted(UUID.randomUUID())));
            answers.add(waiting.queue(body(last, t, 63)));
            sent = Statements.during(() -> {
                waiting.release();
                answers.forEach(WaitingDeliveries::answer);
            });
        }

        assertThat(answers).extracting(answer -> answer(answer).statusCode()).containsExactly(200, 422, 400, 200);
        assertThat(json(answers.get(1)).getString("errors[0].field")).isEqualTo("report.observedAt");
        assertThat(json(answers.get(2)).getString("errors[0].field")).isEqualTo("report");
        assertThat(json(answers.get(0)).getInt("vehiclesUpdated")).isEqualTo(1);
        assertThat(SeededVehicles.reload(first.id).batteryLevel).isEqualTo(61.0);
        assertThat(SeededVehicles.reload(future.id).batteryLevel).isEqualTo(56.0);
        assertThat(SeededVehicles.reload(last.id).batteryLevel).isEqualTo(63.0);
        assertThat(observations(first)).isEqualTo(1);
        assertThat(observations(future)).isZero();
        // the batch, rolled back, then each delivery in a transaction of its own
        assertThat(sent).filteredOn(s -> s.startsWith(WaitingDeliveries.RECORD)).hasSize(1 + answers.size());
    }

    @Test
    void theSameDeliveryTwiceInOneBatchIsADuplicateAndAppliedOnce() {
        VehicleEntity v = vehicle();
        VehicleEntity other = vehicle();
        String body = body(v, soon(), 70);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();

        try (var waiting = waiting()) {
            answers.add(waiting.queue(body));
            answers.add(waiting.queue(body(other, soon(), 71)));
            answers.add(waiting.queue(body));
            waiting.release();
        }

        assertThat(answers).extracting(answer -> answer(answer).statusCode()).containsOnly(200);
        assertThat(answers).extracting(answer -> json(answer).getString("result")).containsExactly("accepted",
                "accepted", "duplicate-delivery");
        assertThat(json(answers.get(2)).getInt("vehiclesUpdated")).isZero();
        assertThat(observations(v)).isEqualTo(1);
        assertThat(SeededVehicles.reload(v.id).batteryLevel).isEqualTo(70.0);
        assertThat(SeededVehicles.reload(other.id).batteryLevel).isEqualTo(71.0);
    }

    /**
     * A batch reads and locks its vehicles in one statement before applying any report: a vehicle two API clients
     * linked is updated in both copies, an unknown vehicle and another kind's event change nothing, and a vehicle's
     * reports after its first in the batch — the same reading again under another delivery, then a newer one — apply
     * to the vehicle as written, each once.
     */
    @Test
    void aBatchAppliesToEveryCopyItReadUpFrontAndNothingToAnUnknownVehicle() throws Throwable {
        VehicleEntity v = vehicle();
        VehicleEntity copy = vehicle();
        NativeSql.execute("update vehicle set vendor_vehicle_id = ?1 where id = ?2", v.vendorVehicleId, copy.id);
        VehicleEntity other = vehicle();
        Instant t = soon();
        String unknown = body(other, t, 40).replace(other.vendorVehicleId, "oem-unknown-" + UUID.randomUUID());
        String chargerEvent = body(other, t, 41).replace("\"vehicle.state\"", "\"charger.state\"");
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();

        try (var waiting = waiting()) {
            answers.add(waiting.queue(body(other, t, 80)));
            answers.add(waiting.queue(unknown));
            answers.add(waiting.queue(body(v, t, 81)));
            answers.add(waiting.queue(chargerEvent));
            answers.add(waiting.queue(body(other, t, 80)));
            answers.add(waiting.queue(body(other, t.plusSeconds(1), 82)));
            waiting.release();
        }

        assertThat(answers).extracting(answer -> json(answer).getString("result")).containsExactly("accepted",
                "accepted", "accepted", "ignored", "accepted", "accepted");
        assertThat(answers).extracting(answer -> json(answer).getInt("vehiclesUpdated")).containsExactly(1, 0, 2, 0, 0,
                1);
        assertThat(SeededVehicles.reload(v.id).batteryLevel).isEqualTo(81.0);
        assertThat(SeededVehicles.reload(copy.id).batteryLevel).isEqualTo(81.0);
        assertThat(SeededVehicles.reload(other.id).batteryLevel).isEqualTo(82.0);
        assertThat(observations(other)).isEqualTo(2);
    }

    /**
     * Load shedding: the queue holds at most {@code max-waiting} deliveries (16 in the tests, application.properties);
     * one more is answered 503 with {@code Retry-After} at once and nothing of it is stored, so the OEM's retry, once
     * the queue drained, is taken as a new delivery — not as a duplicate of one never applied.
     */
    @Test
    void aDeliveryArrivingWhileTheQueueIsFullIs503NotStoredAndItsRetryIsAcceptedAsNew() throws Throwable {
        int limit = config.batches().maxWaiting();
        VehicleEntity queuedFor = vehicle();
        VehicleEntity v = vehicle();
        String refused = body(v, soon(), 66);
        String key = "TESLA:" + HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(refused.getBytes(StandardCharsets.UTF_8)));
        double refusedBefore = refusedAsFull();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();

        try (var waiting = waiting()) {
            for (int n = 0; n < limit; n++) {
                answers.add(waiting.queue(body(queuedFor, soon(), 30 + n)));
            }
            HttpResponse<String> shed = deliver(refused);
            assertThat(shed.statusCode()).isEqualTo(503);
            assertThat(shed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(shed.headers().firstValue("Retry-After"))
                    .hasValue(String.valueOf(config.unavailableRetryAfter().toSeconds()));
            assertThat(JsonPath.from(shed.body()).getString("detail")).contains("at capacity");
            assertThat(batches.waiting()).isEqualTo(limit);
            assertThat(NativeSql.count("select count(*) from webhook_delivery where delivery_id = ?1", key)).isZero();
            waiting.release();
        }

        assertThat(answers).extracting(answer -> answer(answer).statusCode()).containsOnly(200);
        assertThat(refusedAsFull()).isEqualTo(refusedBefore + 1);
        HttpResponse<String> retried = deliver(refused);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(JsonPath.from(retried.body()).getString("result")).isEqualTo("accepted");
        assertThat(JsonPath.from(retried.body()).getInt("vehiclesUpdated")).isEqualTo(1);
        assertThat(SeededVehicles.reload(v.id).batteryLevel).isEqualTo(66.0);
        assertThat(NativeSql.count("select count(*) from webhook_delivery where delivery_id = ?1", key)).isEqualTo(1);
    }

    /** Sent and answered, or a failure after a minute: a delivery the full queue took instead would wait. */
    private HttpResponse<String> deliver(String body) throws Exception {
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            return http.send(java.net.http.HttpRequest.newBuilder(webhooks).timeout(java.time.Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("X-Oem-Delivery-Id", UUID.randomUUID().toString())
                    .header("X-Oem-Signature", WebhookSignature.header(WaitingDeliveries.SECRET,
                            Instant.now().getEpochSecond(), body.getBytes(StandardCharsets.UTF_8)))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private double refusedAsFull() {
        return meters.counter("plugmate.webhooks.refused", "reason", "full").count();
    }

    /**
     * Two different reports of one second: the later in arrival is the state (issue 13), so the batch must apply them in
     * arrival order however it orders vehicles to lock them.
     */
    @Test
    void oneVehiclesReportsInOneBatchApplyInArrivalOrder() {
        VehicleEntity v = vehicle();
        VehicleEntity other = vehicle();
        Instant t = soon();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();

        try (var waiting = waiting()) {
            answers.add(waiting.queue(body(v, t, 64)));
            answers.add(waiting.queue(body(other, t, 50)));
            answers.add(waiting.queue(body(v, t, 62)));
            waiting.release();
        }

        assertThat(answers).extracting(answer -> json(answer).getInt("vehiclesUpdated")).containsExactly(1, 1, 1);
        assertThat(SeededVehicles.reload(v.id).batteryLevel).isEqualTo(62.0);
        assertThat(observations(v)).isEqualTo(2);
    }

    /**
     * Batches running at once over the same vehicles, their deliveries arriving in opposite orders: a batch locks its
     * vehicles ordered by vendor and OEM id, so two never wait for each other crosswise — and were one rolled back, its
     * deliveries would run again alone. Every delivery is answered 200 once and applied once.
     */
    @Test
    void concurrentBatchesOverTheSameVehiclesAnswerAndApplyEachDeliveryOnce() throws Exception {
        List<VehicleEntity> vehicles = IntStream.range(0, 4).mapToObj(n -> vehicle()).toList();
        Instant t = soon();
        int rounds = 6;
        List<String> bodies = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<VehicleEntity> order = new ArrayList<>(vehicles);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (VehicleEntity v : order) {
                bodies.add(body(v, t.plusSeconds(round), 40 + round));
            }
        }
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            List<java.util.concurrent.Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String body : bodies) {
                answers.add(threads.submit(() -> http.send(java.net.http.HttpRequest.newBuilder(webhooks)
                        .header("Content-Type", "application/json")
                        .header("X-Oem-Delivery-Id", UUID.randomUUID().toString())
                        .header("X-Oem-Signature", io.plugmate.oem.WebhookSignature.header(WaitingDeliveries.SECRET,
                                Instant.now().getEpochSecond(), body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString())));
            }
            for (var answer : answers) {
                HttpResponse<String> response = answer.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(JsonPath.from(response.body()).getInt("vehiclesUpdated")).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
        for (VehicleEntity v : vehicles) {
            assertThat(observations(v)).isEqualTo(rounds);
            assertThat(SeededVehicles.reload(v.id).stateObservedAt).isEqualTo(t.plusSeconds(rounds - 1));
        }
    }
}
