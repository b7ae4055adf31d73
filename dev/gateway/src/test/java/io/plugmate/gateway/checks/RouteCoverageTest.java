package io.plugmate.gateway.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.plugmate.gateway.openapi.OpenApiMerger;
import io.plugmate.gateway.routing.Route;
import io.plugmate.gateway.routing.RoutingTable;

/**
 * No route to nowhere, no endpoint unreachable: the routing table (the local gateway's) reaches exactly the paths the
 * services' OpenAPI documents declare, each at the service that declares it, and k8s/'s HTTPRoutes are the same
 * table, with JWT enforced on exactly the routes the local gateway demands a token for.
 */
class RouteCoverageTest {

    @Test
    void everyDeclaredPathIsRoutedToTheServiceThatDeclaresIt() {
        List<String> unreachable = new ArrayList<>();
        ServiceDocuments.all().forEach((service, document) -> {
            for (String path : ServiceDocuments.paths(document)) {
                Optional<String> publicPath = OpenApiMerger.publicPath(service, path);
                if (publicPath.isEmpty()) {
                    unreachable.add(service + " " + path);
                    continue;
                }
                Route route = RoutingTable.find(OpenApiMerger.sample(publicPath.get())).orElseThrow();
                assertThat(route.upstreamPath(OpenApiMerger.sample(publicPath.get())))
                        .isEqualTo(OpenApiMerger.sample(path));
            }
        });
        assertThat(unreachable).as("declared by a service, reached by no route").isEmpty();
    }

    @Test
    void everyRouteReachesAPathItsServiceDeclares() {
        Map<String, JsonNode> documents = ServiceDocuments.all();
        List<Route> toNowhere = new ArrayList<>();
        for (Route route : RoutingTable.ROUTES) {
            boolean served = false;
            for (String path : ServiceDocuments.paths(documents.get(route.service()))) {
                served |= OpenApiMerger.publicPath(route.service(), path)
                        .flatMap(publicPath -> RoutingTable.find(OpenApiMerger.sample(publicPath)))
                        .filter(route::equals).isPresent();
            }
            if (!served) {
                toNowhere.add(route);
            }
        }
        assertThat(toNowhere).as("routes to paths no service declares").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = { "base", "overlays/dev", "overlays/prod" })
    void theHttpRoutesAreTheRoutingTable(String target) {
        Set<String> jwtRoutes = new HashSet<>();
        for (ObjectNode policy : Kustomize.objects(target, "SecurityPolicy")) {
            if (policy.path("spec").has("jwt")) {
                policy.path("spec").path("targetRefs").forEach(ref -> jwtRoutes.add(ref.path("name").asText()));
            }
        }
        Set<String> declared = new HashSet<>();
        for (ObjectNode route : Kustomize.objects(target, "HTTPRoute")) {
            JsonNode parent = route.path("spec").path("parentRefs").path(0);
            if (!parent.path("sectionName").asText().equals("api")) {
                continue; // the IdP's and the simulator's own host names
            }
            String access = jwtRoutes.contains(route.path("metadata").path("name").asText()) ? "BEARER" : "OPEN";
            for (JsonNode rule : route.path("spec").path("rules")) {
                String service = rule.path("backendRefs").path(0).path("name").asText();
                String rewrite = rule.path("filters").path(0).path("urlRewrite").path("path")
                        .path("replacePrefixMatch").asText("");
                for (JsonNode match : rule.path("matches")) {
                    declared.add(line(match.path("path").path("type").asText(), match.path("path").path("value").asText(),
                            service, access, rewrite));
                }
            }
        }
        Set<String> table = new HashSet<>();
        for (Route route : RoutingTable.ROUTES) {
            table.add(line(route.match().type().gatewayApiName(), route.match().gatewayApiValue(), route.service(),
                    route.access().name(), route.rewritePrefix().orElse("")));
        }
        assertThat(declared).containsExactlyInAnyOrderElementsOf(table);
    }

    private static String line(String type, String value, String service, String access, String rewrite) {
        return type + " " + value + " -> " + service + (rewrite.isEmpty() ? "" : " as " + rewrite) + " [" + access + "]";
    }
}
