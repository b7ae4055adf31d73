package io.plugmate.gateway.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.gateway.routing.RoutingTable;
import io.plugmate.testinfra.ProjectTree;

/**
 * The services' own OpenAPI documents as their builds wrote them (service-commons sets
 * {@code quarkus.smallrye-openapi.store-schema-directory=target/openapi}); the reactor builds the services before
 * this module (test-scoped pom dependencies).
 */
final class ServiceDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceDocuments() {
    }

    static Map<String, JsonNode> all() {
        Map<String, JsonNode> documents = new LinkedHashMap<>();
        for (String service : RoutingTable.SERVICES) {
            String module = service.equals(RoutingTable.PAIRING) ? "pairing-service/service" : service;
            Path file = ProjectTree.root().resolve(module).resolve("target/openapi/openapi.json");
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException(file + " is missing: build " + module
                        + " first (./mvnw -pl " + module + " package -DskipTests)");
            }
            try {
                documents.put(service, JSON.readTree(file.toFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return documents;
    }

    /** Every path a service's document declares (the operations under it do not matter for routing). */
    static Iterable<String> paths(JsonNode document) {
        return () -> document.path("paths").fieldNames();
    }
}
