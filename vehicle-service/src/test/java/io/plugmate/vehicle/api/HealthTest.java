package io.plugmate.vehicle.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Readiness reflects what the service cannot work without: its database, Kafka, the outbox relay, the toggles. */
@QuarkusTest
class HealthTest {

    @Test
    void readinessCoversDatabaseKafkaOutboxAndToggles() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "SmallRye Reactive Messaging - readiness check", "outbox-relay", "client-features"));
    }

    @Test
    void livenessIsServedWithoutAToken() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** Prometheus scrapes /q/metrics (issue 14 point 5): API latency with buckets, Kafka clients, JVM. */
    @Test
    void metricsAreServedForPrometheus() {
        given().get("/vehicles").then().statusCode(401);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_bucket"),
                containsString("kafka_consumer_fetch_manager_records_lag"), containsString("jvm_memory_used_bytes"));
    }
}
