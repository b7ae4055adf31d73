package io.plugmate.gateway.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.plugmate.gateway.openapi.OpenApiMerger;

/**
 * The public API as clients generate SDKs from it: the merged document (the one the gateway serves at /q/openapi,
 * built here from the services' build output) passes Redocly CLI's recommended rules (redocly.yaml). Problems only a
 * service can fix are listed in .redocly.lint-ignore.yaml; anything not listed fails this test.
 */
class OpenApiLintTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theMergedDocumentPassesRedoclysRecommendedRules() throws Exception {
        ObjectNode info = JSON.createObjectNode().put("title", "Plugmate API").put("version", "0.1.0")
                .put("description", "Every Plugmate service's public API behind one gateway.");
        ObjectNode merged = OpenApiMerger.merge(ServiceDocuments.all(), info, "http://localhost:8080");
        Path file = Path.of("target/openapi/plugmate-api.json").toAbsolutePath();
        Files.createDirectories(file.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), merged);

        Path redocly = NodeChecks.install().resolve("node_modules/.bin/redocly");
        NodeChecks.Result result = NodeChecks.run(Path.of("").toAbsolutePath(), 300, redocly.toString(), "lint",
                "--config", "redocly.yaml", "--format", "stylish", file.toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
