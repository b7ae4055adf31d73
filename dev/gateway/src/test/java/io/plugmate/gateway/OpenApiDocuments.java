package io.plugmate.gateway;

/** Small OpenAPI documents the stand-in services serve: one path each, a shared and a clashing component. */
final class OpenApiDocuments {

    private OpenApiDocuments() {
    }

    static String standIn(String service) {
        String path = switch (service) {
            case "vehicle-service" -> "/vehicles/{id}";
            case "charger-service" -> "/oem/{vendor}/webhooks";
            case "pairing-service" -> "/pairs";
            case "orchestration-service" -> "/vehicles/{id}/charging";
            default -> "/statistics/charging";
        };
        // orchestration's stand-in takes a body, as a command does
        String operation = service.equals("orchestration-service")
                ? "\"post\": {\"requestBody\": {\"content\": {\"application/json\": {\"schema\": {\"type\": \"object\"}}}},"
                : "\"get\": {";
        return """
                {"openapi": "3.1.0", "info": {"title": "%s", "version": "1"},
                 "paths": {"%s": {%s "operationId": "get", "responses": {"200": {"description": "ok",
                   "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}},
                   "/q/health": {"get": {"responses": {"200": {"description": "up"}}}}},
                 "components": {"schemas": {
                   "Problem": {"type": "object"},
                   "Thing": {"type": "object", "title": "%s"}}}}
                """.formatted(service, path, operation, service);
    }
}
