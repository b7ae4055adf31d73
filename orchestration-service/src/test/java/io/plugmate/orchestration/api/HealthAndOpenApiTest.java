package io.plugmate.orchestration.api;

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

    @Test
    void theOpenApiDocumentDescribesEveryEndpointWithExamples() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Plugmate orchestration-service"))
                .body("paths.'/vehicles/{id}/charging'.post.responses.'201'.content.'application/json'.examples"
                        + ".pending.value.state", equalTo("PENDING"))
                .body("paths.'/vehicles/{id}/charging'.post.parameters.name", hasItems("id", "Idempotency-Key"))
                .body("paths.'/chargers/{id}/charging'.post.summary", notNullValue())
                .body("paths.'/vehicles/{id}/max-current'.post.summary", notNullValue())
                .body("paths.'/vehicles/{id}/max-power'.post.description", containsString("phases and voltage"))
                .body("paths.'/chargers/{id}/max-current'.post.summary", notNullValue())
                .body("paths.'/chargers/{id}/max-power'.post.description", containsString("10.7 A"))
                .body("paths.'/actions'.get.parameters.name", hasItems("targetId", "state", "pageSize", "after",
                        "before"))
                .body("paths.'/actions/{id}'.get.responses.'200'.content.'application/json'.examples", notNullValue())
                .body("paths.'/actions/{id}/plan'.get.responses.'200'.content.'application/json'.examples"
                        + ".'started through the pair'.value.decisions", notNullValue())
                .body("paths.'/actions/{id}/cancel'.post.responses.'409'.description", notNullValue())
                .body("paths.'/features'.get.responses.'200'.content.'application/json'.examples", notNullValue())
                .body("paths.'/admin/clients/{clientId}/features'.put.description", containsString("client-features"))
                .body("paths.'/admin/clients/{clientId}/features/changes'.get.summary", notNullValue())
                .body("components.schemas.Action.properties.failureReason.description",
                        containsString("FEATURE_DISABLED"))
                .body("components.schemas.ActionPlan.description", containsString("device's own clock"));
    }

    /** Prometheus scrapes /q/metrics (issue 14 point 5): API latency with buckets, Kafka clients, JVM. */
    @Test
    void metricsAreServedForPrometheus() {
        given().get("/actions").then().statusCode(401);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_bucket"),
                containsString("kafka_consumer_fetch_manager_records_lag"), containsString("jvm_memory_used_bytes"),
                // how actions end, the confirmed series of every kind from the start
                containsString("plugmate_actions_outcomes_total{kind=\"start\",outcome=\"confirmed\",reason=\"none\"}"));
    }
}
