package io.plugmate.vehicle.oem;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.plugmate.oem.WebhookSignature;
import io.plugmate.testinfra.DatabaseRelay;
import io.plugmate.testinfra.LogCapture;
import io.plugmate.vehicle.SeededVehicles;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 13 point 8: with PostgreSQL down every webhook was answered 500 and logged an ERROR. Now a delivery that cannot
 * be stored gets 503 problem+json with {@code Retry-After} (OEMs send it again), the outage is one ERROR, readiness is
 * DOWN, and once the database is back the OEM's retry is stored and an INFO says so.
 * <p>
 * A fault test, not in the default run (its own application start, ~20 s): {@code ./mvnw -B -o -pl vehicle-service
 * verify -Dplugmate.fault-tests=true -Dtest=WebhookDatabaseDownTest}. The service reaches the module's PostgreSQL
 * through a {@link DatabaseRelay}, which the test takes down and brings back: every connection reset, new ones refused,
 * as when the server is killed — without stopping the server the module's other tests share.
 */
@QuarkusTest
@TestProfile(WebhookDatabaseDownTest.BehindProxy.class)
@EnabledIfSystemProperty(named = "plugmate.fault-tests", matches = "true")
class WebhookDatabaseDownTest {

    static final DatabaseRelay PROXY = new DatabaseRelay();

    public static class BehindProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            PROXY.up();
            // above the test resources' own source, which names the server itself
            return Map.of("config_ordinal", "1000", "quarkus.datasource.reactive.url",
                    PROXY.reactiveUrl(),
                    "plugmate.webhooks.unavailable-retry-after", "20s");
        }
    }

    private static final String SECRET = "test-only-webhook-secret-0123456789";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static String body(VehicleEntity v, double battery) {
        Instant observedAt = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"deliveryId":"d","event":"vehicle.state","vendor":"TESLA","accountId":"acct-1","deliveredAt":"%s",
                 "report":{"reportId":"r-%s","vehicleId":"%s","vendor":"TESLA","observedAt":"%s","isPluggedIn":true,
                 "isCharging":true,"chargeRateKw":7.1,"batteryLevel":%s}}""".formatted(observedAt, UUID.randomUUID(),
                v.vendorVehicleId, observedAt, battery);
    }

    private static io.restassured.response.Response deliver(String body) {
        return given().contentType("application/json").header("X-Oem-Delivery-Id", UUID.randomUUID().toString())
                .header("X-Oem-Signature", WebhookSignature.header(SECRET, Instant.now().getEpochSecond(),
                        body.getBytes(StandardCharsets.UTF_8)))
                .body(body).post("/oem/tesla/webhooks");
    }

    @Test
    void aDeliveryWhileTheDatabaseIsDownIs503WithRetryAfterAndIsStoredWhenItIsBack() {
        VehicleEntity v = SeededVehicles.seed("client-" + UUID.randomUUID(), "user-" + UUID.randomUUID());
        String first = body(v, 40);
        String second = body(v, 41);
        LogCapture log = LogCapture.of("io.plugmate.messaging.DatabaseOutage");
        try {
            PROXY.down();
            deliver(first).then().statusCode(503).contentType("application/problem+json").header("Retry-After", "20")
                    .body("status", equalTo(503));
            deliver(second).then().statusCode(503).header("Retry-After", "20");
            given().get("/q/health/ready").then().statusCode(503);

            PROXY.up();
            // the OEM's retry of the first delivery, once the pool has connected again
            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> deliver(first).statusCode() == 200);
            await().atMost(PATIENCE).until(() -> given().get("/q/health/ready").statusCode() == 200);
        } finally {
            PROXY.up();
            log.close();
        }

        assertThat(SeededVehicles.reload(v.id).batteryLevel).isEqualTo(40.0);
        List<LogRecord> logged = log.records();
        assertThat(logged).filteredOn(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()).hasSize(1);
        assertThat(logged).anySatisfy(r -> assertThat(String.valueOf(r.getMessage()) + " "
                + java.util.Arrays.toString(r.getParameters())).contains("database reachable again"));
    }
}
