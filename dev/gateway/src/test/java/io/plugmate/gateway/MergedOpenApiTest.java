package io.plugmate.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The gateway's own endpoints: the merged document of the (stand-in) services, the Swagger UI, health. */
@QuarkusTest
class MergedOpenApiTest {

    @Test
    void servesTheUnionOfTheServicesDocumentsUnderTheirPublicPaths() {
        given().get("/q/openapi").then().statusCode(200).contentType("application/json")
                .body("info.title", equalTo("Plugmate API"))
                .body("servers[0].url", equalTo("http://localhost:8080"))
                .body("paths", hasKey("/vehicles/{id}"))
                .body("paths", hasKey("/vehicles/{id}/charging"))
                .body("paths", hasKey("/pairs"))
                // charger-service's webhook receiver, under the public prefix the routing table gives it
                .body("paths", hasKey("/charger-service/oem/{vendor}/webhooks"))
                .body("paths", not(hasKey("/oem/{vendor}/webhooks")))
                // not routed, so not public
                .body("paths", not(hasKey("/q/health")))
                // equal components once, different ones side by side with their references rewritten
                .body("components.schemas", hasKey("Problem"))
                .body("components.schemas", hasKey("Thing"))
                .body("components.schemas", hasKey("charger-service.Thing"))
                .body("paths.'/charger-service/oem/{vendor}/webhooks'.get.responses.'200'.content."
                        + "'application/json'.schema.'$ref'", equalTo("#/components/schemas/charger-service.Thing"))
                // the edge lets webhooks through without a token, and the document says so
                .body("paths.'/charger-service/oem/{vendor}/webhooks'.get.security.size()", equalTo(0))
                .body("paths.'/vehicles/{id}'.get.security", org.hamcrest.Matchers.nullValue())
                // operationIds stay unique
                .body("paths.'/vehicles/{id}'.get.operationId", equalTo("get"))
                .body("paths.'/pairs'.get.operationId", equalTo("pairingService_get"))
                // the stand-in statistics-service is down: left out, and said so
                .body("info.description", containsString("statistics-service"));
    }

    /** What the edge itself answers is in the document, as problems, where it can happen. */
    @Test
    void theEdgesOwnRefusalsAreDeclaredPerOperation() {
        String read = "paths.'/vehicles/{id}'.get.responses.";
        String command = "paths.'/vehicles/{id}/charging'.post.responses.";
        String webhook = "paths.'/charger-service/oem/{vendor}/webhooks'.get.responses.";
        given().get("/q/openapi").then().statusCode(200)
                .body(read + "'414'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body(read + "'504'.description", containsString("did not answer in time"))
                .body(read + "'429'.headers.'Retry-After'.schema.type", equalTo("integer"))
                .body("paths.'/vehicles/{id}'.get.responses", not(hasKey("413")))
                .body(command + "'413'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                // the rate limit is per API client: an open route has none
                .body("paths.'/charger-service/oem/{vendor}/webhooks'.get.responses", not(hasKey("429")))
                .body(webhook + "'414'.description", containsString("longer than the edge accepts"))
                // what a service declared itself stays as it was
                .body(read + "'200'.description", equalTo("ok"));
    }

    @Test
    void swaggerUiAndHealthAreServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
