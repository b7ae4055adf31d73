package io.plugmate.statistics.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HealthAndOpenApiTest {

    /** Readiness covers what the service cannot work without: its database, its Kafka channels, the toggles. */
    @Test
    void readinessCoversDatabaseKafkaAndToggles() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItems("Reactive PostgreSQL connections health check",
                        "SmallRye Reactive Messaging - readiness check", "client-features"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theOpenApiDocumentDescribesBothEndpointsWithExamples() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", equalTo("Plugmate statistics-service"))
                .body("paths.'/statistics/charging'.get.parameters.name", hasItems("type", "id", "userId",
                        "startDate", "endDate", "resolution", "utcOffset", "timezone"))
                .body("paths.'/statistics/charging'.get.responses.'200'.content.'application/json'.examples",
                        notNullValue())
                .body("paths.'/statistics/charging/sessions'.get.parameters.name", hasItems("source", "attribution",
                        "pageSize", "after", "before"))
                .body("paths.'/statistics/charging/sessions'.get.responses.'200'.content.'text/csv'.examples",
                        notNullValue())
                .body("paths.'/statistics/charging/sessions/{id}'.get.summary", notNullValue())
                .body("components.schemas.Attribution.properties.attributedBy.description", containsString("CONFIRMED"))
                .body("components.schemas.ChargingSession.properties.crossCheck.description", containsString("loss"));
    }

    /** Prometheus scrapes /q/metrics (issue 14 point 5): API latency with buckets, Kafka clients, JVM. */
    @Test
    void metricsAreServedForPrometheus() {
        given().get("/statistics/charging").then().statusCode(401);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests_seconds_bucket"),
                containsString("kafka_consumer_fetch_manager_records_lag"), containsString("jvm_memory_used_bytes"));
    }
}
