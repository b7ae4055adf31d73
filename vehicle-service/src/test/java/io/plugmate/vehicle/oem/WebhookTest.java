package io.plugmate.vehicle.oem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.events.EventJson;
import io.plugmate.events.Topics;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.oem.WebhookSignature;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.plugmate.vehicle.SeededVehicles;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class WebhookTest {

    private static final String SECRET = "test-only-webhook-secret-0123456789";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TestHTTPResource("/oem/tesla/webhooks")
    URI webhooks;

    private static String body(VehicleEntity v, Instant observedAt, double battery, boolean plugged, String event) {
        return """
                {"deliveryId":"d","event":"%s","vendor":"TESLA","accountId":"acct-1","deliveredAt":"%s",
                 "report":{"reportId":"r-%s","vehicleId":"%s","vendor":"TESLA","observedAt":"%s","isPluggedIn":%s,
                 "isCharging":%s,"chargeRateKw":7.1,"batteryLevel":%s,"rangeKm":250,"chargeLimit":90,"maxCurrentA":32,
                 "location":{"latitude":59.91,"longitude":10.75}}}""".formatted(event, observedAt, UUID.randomUUID(),
                v.vendorVehicleId, observedAt, plugged, plugged, battery);
    }

    private static ValidatableResponse deliver(String deliveryId, String body, String signature) {
        var request = given().contentType("application/json").header("X-Oem-Delivery-Id", deliveryId).body(body);
        if (signature != null) {
            request.header("X-Oem-Signature", signature);
        }
        return request.post("/oem/tesla/webhooks").then();
    }

    private static String sign(String body) {
        return WebhookSignature.header(SECRET, Instant.now().getEpochSecond(), body.getBytes(StandardCharsets.UTF_8));
    }

    private static VehicleEntity vehicle() {
        return SeededVehicles.seed("client-" + UUID.randomUUID(), "user-" + UUID.randomUUID());
    }

    private static List<VehicleStateObserved> events(KafkaTestClient.Reader reader, VehicleEntity v) {
        return reader.poll().stream().filter(r -> r.value().contains(v.id.toString()))
                .map(r -> EventJson.read(r.value(), VehicleStateObserved.class)).toList();
    }

    @Test
    void aSignedReportUpdatesTheVehicleAndIsPublishedWithItsEventTime() {
        VehicleEntity v = vehicle();
        Instant observedAt = Instant.now().plusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String body = body(v, observedAt, 71, true, "vehicle.state");

        try (var reader = KafkaTestClient.reader(Topics.VEHICLE_STATE)) {
            deliver(UUID.randomUUID().toString(), body, sign(body)).statusCode(200)
                    .body("result", equalTo("accepted")).body("vehiclesUpdated", equalTo(1));

            given().auth().oauth2(Tokens.apiClient(v.clientId)).get("/vehicles/" + v.id).then()
                    .body("chargeState.batteryLevel", equalTo(71.0f)).body("location.latitude", equalTo(59.91f))
                    .body("isReachable", equalTo(true));
            await().atMost(PATIENCE).until(() -> !events(reader, v).isEmpty());
            VehicleStateObserved event = events(reader, v).getFirst();
            assertThat(event.observedAt()).isEqualTo(observedAt);
            assertThat(event.batteryLevel()).isEqualTo(71.0);
            assertThat(event.clientId()).isEqualTo(v.clientId);
        }
    }

    @Test
    void badSignaturesAreRefusedAndStoreNothing() {
        VehicleEntity v = vehicle();
        String body = body(v, Instant.now().plusSeconds(5), 12, false, "vehicle.state");
        String deliveryId = UUID.randomUUID().toString();
        String stale = WebhookSignature.header(SECRET, Instant.now().minusSeconds(3600).getEpochSecond(),
                body.getBytes(StandardCharsets.UTF_8));
        String wrongSecret = WebhookSignature.header("someone-elses-secret", Instant.now().getEpochSecond(),
                body.getBytes(StandardCharsets.UTF_8));

        deliver(deliveryId, body, null).statusCode(401).contentType("application/problem+json");
        deliver(deliveryId, body, wrongSecret).statusCode(401);
        deliver(deliveryId, body, stale).statusCode(401);
        deliver(deliveryId, body.replace("12", "99"), sign(body)).statusCode(401);
        deliver(deliveryId, body, "t=1,v1=zz").statusCode(401);

        assertThat(SeededVehicles.reload(v.id).batteryLevel).isEqualTo(56.0);
        // nothing was recorded: the same delivery, properly signed, still goes through
        deliver(deliveryId, body, sign(body)).statusCode(200).body("result", equalTo("accepted"));
    }

    @Test
    void duplicatesAndLateReportsNeverRollStateBack() {
        VehicleEntity v = vehicle();
        Instant t = Instant.now().plusSeconds(10).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String newer = body(v, t, 80, true, "vehicle.state");
        String older = body(v, t.minusSeconds(300), 40, false, "vehicle.state");
        String deliveryId = UUID.randomUUID().toString();

        try (var reader = KafkaTestClient.reader(Topics.VEHICLE_STATE)) {
            deliver(deliveryId, newer, sign(newer)).body("vehiclesUpdated", equalTo(1));
            deliver(deliveryId, newer, sign(newer)).statusCode(200).body("result", equalTo("duplicate-delivery"));
            deliver(UUID.randomUUID().toString(), newer, sign(newer)).body("vehiclesUpdated", equalTo(0));
            deliver(UUID.randomUUID().toString(), older, sign(older)).body("vehiclesUpdated", equalTo(1));

            VehicleEntity stored = SeededVehicles.reload(v.id);
            assertThat(stored.batteryLevel).isEqualTo(80.0);
            assertThat(stored.isPluggedIn).isTrue();
            await().atMost(PATIENCE).until(() -> events(reader, v).size() == 2);
            assertThat(events(reader, v)).extracting(VehicleStateObserved::observedAt)
                    .containsExactly(t, t.minusSeconds(300));
        }
    }

    /**
     * Issue 13: OEMs date reports to the second, so a command carried out in the second of a plug change makes the car
     * report twice in it. The second, different report is no duplicate: both are published in arrival order and the
     * later one is the vehicle's state; the same report again is one.
     */
    @Test
    void twoDifferentReportsInTheSameSecondAreBothPublishedAndTheLaterIsTheState() {
        VehicleEntity v = vehicle();
        Instant t = Instant.now().plusSeconds(15).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String notCharging = body(v, t, 60, true, "vehicle.state").replace("\"isCharging\":true",
                "\"isCharging\":false");
        String unplugged = body(v, t, 60, false, "vehicle.state");
        String unpluggedAgain = unplugged.replace("\"deliveryId\":\"d\"", "\"deliveryId\":\"d-again\"");

        try (var reader = KafkaTestClient.reader(Topics.VEHICLE_STATE)) {
            deliver(UUID.randomUUID().toString(), notCharging, sign(notCharging)).statusCode(200)
                    .body("vehiclesUpdated", equalTo(1));
            deliver(UUID.randomUUID().toString(), unplugged, sign(unplugged)).statusCode(200)
                    .body("vehiclesUpdated", equalTo(1));
            deliver(UUID.randomUUID().toString(), unpluggedAgain, sign(unpluggedAgain)).statusCode(200)
                    .body("result", equalTo("accepted")).body("vehiclesUpdated", equalTo(0));

            given().auth().oauth2(Tokens.apiClient(v.clientId)).get("/vehicles/" + v.id).then()
                    .body("chargeState.isPluggedIn", equalTo(false)).body("chargeState.isCharging", equalTo(false));
            await().atMost(PATIENCE).until(() -> events(reader, v).size() >= 2);
            assertThat(events(reader, v)).extracting(VehicleStateObserved::observedAt).containsExactly(t, t);
            assertThat(events(reader, v)).extracting(VehicleStateObserved::isPluggedIn).containsExactly(true, false);
        }
    }

    /**
     * docs/adr/0018, amendment of session 11: a state read taken just before an unplug and answered after its push is
     * dated in the unplug's second. It repeats the plug state from before that second while the second holds the
     * change: it goes before the change, as pairing orders it, and changes no state — not its battery either — while it
     * is still published as reported. A report of unknown plug state in that second is the state as usual (its plug
     * state kept), and a plug-in in the next second is a real change.
     */
    @Test
    void aReadFromBeforeAnUnplugInTheSameSecondDoesNotUndoTheUnplug() {
        VehicleEntity v = vehicle();
        Instant t = Instant.now().plusSeconds(25).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String charging = body(v, t.minusSeconds(1), 60, true, "vehicle.state");
        String unplugged = body(v, t, 61, false, "vehicle.state");
        String readBefore = body(v, t, 59, true, "vehicle.state");
        String plugUnknown = body(v, t, 62, false, "vehicle.state").replace("\"isPluggedIn\":false",
                "\"isPluggedIn\":null");
        String pluggedAgain = body(v, t.plusSeconds(1), 63, true, "vehicle.state");

        try (var reader = KafkaTestClient.reader(Topics.VEHICLE_STATE)) {
            for (String report : List.of(charging, unplugged, readBefore)) {
                deliver(UUID.randomUUID().toString(), report, sign(report)).statusCode(200)
                        .body("vehiclesUpdated", equalTo(1));
            }
            given().auth().oauth2(Tokens.apiClient(v.clientId)).get("/vehicles/" + v.id).then()
                    .body("chargeState.isPluggedIn", equalTo(false))
                    .body("chargeState.powerDeliveryState", equalTo("UNPLUGGED"))
                    .body("chargeState.batteryLevel", equalTo(61.0f));
            await().atMost(PATIENCE).until(() -> events(reader, v).size() >= 3);
            assertThat(events(reader, v)).extracting(VehicleStateObserved::isPluggedIn).containsExactly(true, false,
                    true);

            deliver(UUID.randomUUID().toString(), plugUnknown, sign(plugUnknown)).statusCode(200);
            VehicleEntity stored = SeededVehicles.reload(v.id);
            assertThat(stored.isPluggedIn).isFalse();
            assertThat(stored.batteryLevel).isEqualTo(62.0);

            deliver(UUID.randomUUID().toString(), pluggedAgain, sign(pluggedAgain)).statusCode(200);
            stored = SeededVehicles.reload(v.id);
            assertThat(stored.isPluggedIn).isTrue();
            assertThat(stored.batteryLevel).isEqualTo(63.0);
            assertThat(stored.pluggedBefore).isFalse();
        }
    }

    /** A report older than the state kept changes nothing, and says so in the log (a clock gone back is visible). */
    @Test
    void anIgnoredStaleReportIsLogged() {
        VehicleEntity v = vehicle();
        Instant t = Instant.now().plusSeconds(20).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String newer = body(v, t, 70, true, "vehicle.state");
        String older = body(v, t.minusSeconds(600), 30, false, "vehicle.state");
        List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                logged.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.plugmate.device.DeviceObservations");
        logger.addHandler(capture);
        try {
            deliver(UUID.randomUUID().toString(), newer, sign(newer)).statusCode(200);
            deliver(UUID.randomUUID().toString(), older, sign(older)).statusCode(200);
        } finally {
            logger.removeHandler(capture);
        }

        assertThat(SeededVehicles.reload(v.id).batteryLevel).isEqualTo(70.0);
        assertThat(logged).anySatisfy(line -> assertThat(line).contains("not newer than the state kept")
                .contains(v.id.toString()));
    }

    /**
     * The per-device order promise (docs/adr/0018): one vehicle's reports delivered all at once, in no particular order,
     * from several threads (as two instances, or one instance's concurrent requests, take them). Each is published
     * exactly once, none lost; they are taken one at a time under the vehicle's row lock, so the events leave in the
     * order they were taken, stamped ({@code occurredAt}) in that order; the state is the newest report's, never rolled
     * back by one taken after it. Their {@code observedAt} order is not promised: a report taken after a newer one is
     * published late (consumers order by {@code observedAt}), and only its arrival decides that.
     */
    @Test
    void concurrentReportsOfOneVehicleArePublishedOnceEachInTheOrderTheyWereTaken() throws Exception {
        VehicleEntity v = vehicle();
        Instant t = Instant.now().plusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        int reports = 24;
        List<Integer> order = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, reports).boxed().toList());
        java.util.Collections.shuffle(order, new java.util.Random(14));
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(6);

        try (var reader = KafkaTestClient.reader(Topics.VEHICLE_STATE)) {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int n : order) {
                String body = body(v, t.plusSeconds(n), 10 + n, true, "vehicle.state");
                answers.add(threads.submit(() -> http.send(java.net.http.HttpRequest.newBuilder(webhooks)
                        .header("Content-Type", "application/json")
                        .header("X-Oem-Delivery-Id", UUID.randomUUID().toString())
                        .header("X-Oem-Signature", sign(body))
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            for (var answer : answers) {
                assertThat(answer.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(200);
            }

            await().atMost(PATIENCE).until(() -> events(reader, v).size() >= reports);
            List<VehicleStateObserved> published = events(reader, v);
            assertThat(published).extracting(VehicleStateObserved::observedAt).containsExactlyInAnyOrderElementsOf(
                    java.util.stream.IntStream.range(0, reports).mapToObj(t::plusSeconds).toList());
            assertThat(published).extracting(VehicleStateObserved::eventId).doesNotHaveDuplicates();
            assertThat(published).extracting(VehicleStateObserved::occurredAt).isSorted();
        } finally {
            threads.shutdownNow();
        }
        VehicleEntity stored = SeededVehicles.reload(v.id);
        assertThat(stored.stateObservedAt).isEqualTo(t.plusSeconds(reports - 1));
        assertThat(stored.batteryLevel).isEqualTo(10.0 + reports - 1);
    }

    /**
     * Issue 13 point 5: a report dated 2099 became the vehicle's state and every true report after it was "older", so
     * the state froze until 2099. It is refused (422, nothing recorded or published) and the next report is applied.
     */
    @Test
    void aReportFromTheFutureIsRefusedAndDoesNotFreezeTheState() {
        VehicleEntity v = vehicle();
        String future = body(v, Instant.parse("2099-01-01T00:00:00Z"), 99, false, "vehicle.state");
        String normal = body(v, Instant.now().plusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), 64,
                true, "vehicle.state");

        deliver(UUID.randomUUID().toString(), future, sign(future)).statusCode(422)
                .contentType("application/problem+json").body("status", equalTo(422))
                .body("errors[0].field", equalTo("report.observedAt"));
        deliver(UUID.randomUUID().toString(), normal, sign(normal)).statusCode(200)
                .body("result", equalTo("accepted")).body("vehiclesUpdated", equalTo(1));

        VehicleEntity stored = SeededVehicles.reload(v.id);
        assertThat(stored.batteryLevel).isEqualTo(64.0);
        assertThat(stored.stateObservedAt).isBefore(Instant.parse("2099-01-01T00:00:00Z"));
    }

    /** A state kept from the future before the fix does not hold the vehicle: the next credible report replaces it. */
    @Test
    void aStateAlreadyKeptFromTheFutureIsReplacedByTheNextReport() throws Throwable {
        VehicleEntity v = vehicle();
        io.quarkus.vertx.VertxContextSupport.subscribeAndAwait(() -> io.quarkus.hibernate.reactive.panache.Panache
                .withTransaction(() -> io.quarkus.hibernate.reactive.panache.Panache.getSession()
                        .chain(s -> s.createNativeQuery("update vehicle set state_observed_at = :at where id = :id")
                                .setParameter("at", Instant.parse("2099-01-01T00:00:00Z")).setParameter("id", v.id)
                                .executeUpdate())));
        String normal = body(v, Instant.now().plusSeconds(5).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), 61,
                true, "vehicle.state");

        deliver(UUID.randomUUID().toString(), normal, sign(normal)).statusCode(200).body("vehiclesUpdated", equalTo(1));

        assertThat(SeededVehicles.reload(v.id).batteryLevel).isEqualTo(61.0);
    }

    @Test
    void chargerReportsAndUnknownVehiclesChangeNothing() {
        VehicleEntity v = vehicle();
        String chargerEvent = body(v, Instant.now(), 33, true, "charger.state");
        String unknown = body(v, Instant.now(), 33, true, "vehicle.state").replace(v.vendorVehicleId, "veh-unknown");

        deliver(UUID.randomUUID().toString(), chargerEvent, sign(chargerEvent)).statusCode(200)
                .body("result", equalTo("ignored"));
        deliver(UUID.randomUUID().toString(), unknown, sign(unknown)).statusCode(200)
                .body("vehiclesUpdated", equalTo(0));
        assertThat(SeededVehicles.reload(v.id).batteryLevel).isEqualTo(56.0);
    }

    /** Each vendor has its own secret: TESLA's signature on VOLTRA's path is a forgery, not a VOLTRA report. */
    @Test
    void oneVendorsSecretCannotSpeakForAnotherVendor() {
        VehicleEntity v = vehicle();
        String body = body(v, Instant.now().plusSeconds(5), 12, true, "vehicle.state").replace("TESLA", "VOLTRA");

        given().contentType("application/json").header("X-Oem-Delivery-Id", UUID.randomUUID().toString())
                .header("X-Oem-Signature", sign(body)).body(body).post("/oem/voltra/webhooks").then()
                .statusCode(401).contentType("application/problem+json");
        String voltraSigned = WebhookSignature.header("test-only-voltra-webhook-secret",
                Instant.now().getEpochSecond(), body.getBytes(StandardCharsets.UTF_8));
        given().contentType("application/json").header("X-Oem-Delivery-Id", UUID.randomUUID().toString())
                .header("X-Oem-Signature", voltraSigned).body(body).post("/oem/voltra/webhooks").then()
                .statusCode(200);
        // a body a vendor signed about another vendor is refused even on its own path
        String teslaAboutVoltra = body(v, Instant.now().plusSeconds(6), 13, true, "vehicle.state")
                .replace("\"vendor\":\"TESLA\",\"accountId\"", "\"vendor\":\"VOLTRA\",\"accountId\"");
        deliver(UUID.randomUUID().toString(), teslaAboutVoltra, sign(teslaAboutVoltra)).statusCode(400);
        assertThat(SeededVehicles.reload(v.id).batteryLevel).isEqualTo(56.0);
    }

    /** The unsigned delivery-id header is no dedupe key: a new id on a replayed body is still the same delivery. */
    @Test
    void aReplayedBodyUnderANewDeliveryIdIsADuplicate() {
        VehicleEntity v = vehicle();
        String body = body(v, Instant.now().plusSeconds(5), 61, true, "vehicle.state");

        deliver(UUID.randomUUID().toString(), body, sign(body)).statusCode(200).body("result", equalTo("accepted"));
        deliver(UUID.randomUUID().toString(), body, sign(body)).statusCode(200)
                .body("result", equalTo("duplicate-delivery"));
    }

    @Test
    void malformedButSignedDeliveriesAreProblems() {
        String garbage = "{\"event\":\"vehicle.state\",\"report\":{\"vehicleId\":null}}";

        deliver(UUID.randomUUID().toString(), garbage, sign(garbage)).statusCode(400)
                .contentType("application/problem+json");
        deliver(UUID.randomUUID().toString(), "[not json", sign("[not json")).statusCode(400);
        given().contentType("application/json").header("X-Oem-Signature", sign(garbage)).body(garbage)
                .post("/oem/tesla/webhooks").then().statusCode(400);
        given().contentType("application/json").header("X-Oem-Delivery-Id", "x").header("X-Oem-Signature",
                sign(garbage)).body(garbage).post("/oem/nosuchvendor/webhooks").then().statusCode(400);
    }
}
