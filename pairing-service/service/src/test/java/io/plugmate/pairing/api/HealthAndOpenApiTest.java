package io.plugmate.pairing.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthAndOpenApiTest {

    /** Readiness covers what the service cannot work without: its database, Kafka, the outbox relay, the toggles. */
    @Test
    void readinessCoversDatabaseKafkaOutboxAndToggles() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "SmallRye Reactive Messaging - readiness check", "outbox-relay", "client-features"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    /** Prometheus scrapes /q/metrics (issue 14 point 5): API latency with buckets, Kafka clients, JVM. */
    @Test
    void metricsAreServedForPrometheus() {
        given().get("/pairs").then().statusCode(401);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_bucket"),
                containsString("kafka_consumer_fetch_manager_records_lag"), containsString("jvm_memory_used_bytes"),
                // the detector's decisions, every outcome from the start
                containsString("plugmate_pairing_decisions_total{outcome=\"activated\"}"),
                containsString("plugmate_pairing_decisions_total{outcome=\"ambiguous\"}"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryEndpointWithExamples() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Plugmate pairing-service"))
                .body("paths.'/pairs'.get.parameters.name", hasItems("userId", "state", "vehicleId", "chargerId",
                        "pageSize", "after", "before"))
                .body("paths.'/pairs/{id}'.get.responses.'200'.content.'application/json'.examples.active.value",
                        notNullValue())
                .body("paths.'/pairs/{id}/history'.get.summary", notNullValue())
                // the history page has its schema beside its example (no unused PairTransition for Redocly)
                .body("paths.'/pairs/{id}/history'.get.responses.'200'.content.'application/json'.schema.'$ref'",
                        equalTo("#/components/schemas/PairTransitionPage"))
                .body("components.schemas.PairTransitionPage.properties.data.items.'$ref'",
                        equalTo("#/components/schemas/PairTransition"))
                .body("paths.'/users/{userId}/pairs'.get.summary", notNullValue())
                .body("paths.'/pairs/{id}/confirm'.post.responses", notNullValue())
                .body("paths.'/pairs/{id}/reject'.post.responses.'409'.description", containsString("dissolved"))
                .body("components.schemas.Pair.properties.state.description", containsString("AMBIGUOUS"))
                .body("components.schemas.Evidence.properties.signal.description", notNullValue());
    }
}
