package io.plugmate.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.plugmate.gateway.routing.Route;
import io.plugmate.gateway.routing.RoutingTable;

/**
 * What the edge itself may answer for an operation, added to the merged document where the service did not say it
 * (the services know nothing of the edge, so they cannot): 414 for a request target too long, 413 for a body over the
 * limit (operations that take one), 429 with {@code Retry-After} on routes that need a token (the limit is per API
 * client, and an open route has none), 504 when the service does not answer in time. Each is a problem body, the
 * services' {@code Problem} schema, which every service's document carries.
 */
final class EdgeResponses {

    private static final String[] OPERATIONS = { "get", "put", "post", "delete", "patch" };
    private static final String PROBLEM = "#/components/schemas/Problem";

    private EdgeResponses() {
    }

    static JsonNode declare(String publicPath, JsonNode pathItem) {
        boolean perClient = RoutingTable.find(OpenApiMerger.sample(publicPath))
                .map(route -> route.access() == Route.Access.BEARER).orElse(false);
        for (String method : OPERATIONS) {
            if (pathItem.get(method) instanceof ObjectNode operation) {
                ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses")
                        : operation.putObject("responses");
                add(responses, "414", "The request target (path and query) is longer than the edge accepts", false);
                if (operation.has("requestBody")) {
                    add(responses, "413", "The request body is larger than the edge accepts", false);
                }
                if (perClient) {
                    add(responses, "429", "This API client sent too many requests; retry after Retry-After seconds",
                            true);
                }
                add(responses, "504", "The service behind the edge did not answer in time; the request may or may not "
                        + "have taken effect", false);
            }
        }
        return pathItem;
    }

    private static void add(ObjectNode responses, String status, String description, boolean retryAfter) {
        if (responses.has(status)) {
            return;
        }
        ObjectNode response = responses.putObject(status).put("description", description);
        response.putObject("content").putObject("application/problem+json").putObject("schema").put("$ref", PROBLEM);
        if (retryAfter) {
            ObjectNode header = response.putObject("headers").putObject("Retry-After");
            header.put("description", "Seconds to wait before sending the request again (at least 1)");
            header.putObject("schema").put("type", "integer").put("minimum", 1);
        }
    }
}
