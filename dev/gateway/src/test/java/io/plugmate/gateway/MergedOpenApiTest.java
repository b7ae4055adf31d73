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

    @Test
    void swaggerUiAndHealthAreServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
