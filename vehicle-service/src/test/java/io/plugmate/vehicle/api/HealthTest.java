package io.plugmate.vehicle.api;

import static io.restassured.RestAssured.given;
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
}
