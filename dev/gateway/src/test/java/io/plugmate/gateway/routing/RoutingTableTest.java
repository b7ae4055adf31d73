package io.plugmate.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.plugmate.gateway.openapi.OpenApiMerger;

/** The routing table as a truth table: which service a path reaches, and as what. */
class RoutingTableTest {

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "/vehicles,                            vehicle-service,       /vehicles",
            "/vehicles/v1,                         vehicle-service,       /vehicles/v1",
            "/vehicles/v1/charging,                orchestration-service, /vehicles/v1/charging",
            "/vehicles/v1/max-current,             orchestration-service, /vehicles/v1/max-current",
            "/vehicles/v1/max-power,               orchestration-service, /vehicles/v1/max-power",
            "/chargers,                            charger-service,       /chargers",
            "/chargers/c1,                         charger-service,       /chargers/c1",
            "/chargers/c1/charging,                orchestration-service, /chargers/c1/charging",
            "/chargers/c1/max-power,               orchestration-service, /chargers/c1/max-power",
            "/users/u1/vehicles,                   vehicle-service,       /users/u1/vehicles",
            "/users/u1/link,                       vehicle-service,       /users/u1/link",
            "/users/u1,                            vehicle-service,       /users/u1",
            "/users/u1/chargers,                   charger-service,       /users/u1/chargers",
            "/users/u1/pairs,                      pairing-service,       /users/u1/pairs",
            "/link-sessions/s1,                    vehicle-service,       /link-sessions/s1",
            "/link-sessions/s1/start,              vehicle-service,       /link-sessions/s1/start",
            "/link-sessions/callback,              vehicle-service,       /link-sessions/callback",
            "/vehicle-service/oem/tesla/webhooks,  vehicle-service,       /oem/tesla/webhooks",
            "/charger-service/oem/tesla/webhooks,  charger-service,       /oem/tesla/webhooks",
            "/pairs,                               pairing-service,       /pairs",
            "/pairs/p1/reject,                     pairing-service,       /pairs/p1/reject",
            "/actions,                             orchestration-service, /actions",
            "/actions/a1/plan,                     orchestration-service, /actions/a1/plan",
            "/features,                            orchestration-service, /features",
            "/admin/clients/acme/features/changes, orchestration-service, /admin/clients/acme/features/changes",
            "/statistics/charging/sessions,        statistics-service,    /statistics/charging/sessions" })
    void routes(String path, String service, String upstreamPath) {
        Route route = RoutingTable.find(path).orElseThrow();
        assertThat(route.service()).isEqualTo(service);
        assertThat(route.upstreamPath(path)).isEqualTo(upstreamPath);
    }

    @ParameterizedTest
    @CsvSource({ "/", "/vehicles/v1/unknown", "/vehiclesx", "/users/u1/other", "/oem/tesla/webhooks",
            "/q/health", "/link-sessions/s1/start/x", "/featuresx", "/chargers/c1/max-power/x" })
    void routesNothingElse(String path) {
        assertThat(RoutingTable.find(path)).isEmpty();
    }

    @Test
    void onlyTheBrowserLinkFlowAndWebhooksPassWithoutAToken() {
        assertThat(RoutingTable.ROUTES.stream().filter(route -> route.access() == Route.Access.OPEN)
                .map(route -> route.match().value()))
                .containsExactlyInAnyOrder("/link-sessions/{id}/start", "/link-sessions/callback",
                        "/vehicle-service/oem", "/charger-service/oem");
    }

    @Test
    void noRouteIsShadowedAndOnlyAnExactPathShadowsPartOfATemplate() {
        for (Route route : RoutingTable.ROUTES) {
            String own = OpenApiMerger.sample(route.match().value());
            assertThat(RoutingTable.find(own)).as("reachable: %s", route).contains(route);
            for (Route other : RoutingTable.ROUTES) {
                if (other != route && other.match().matches(own)) {
                    // the one overlap: /link-sessions/callback is also a /link-sessions/{id}, and exact wins
                    assertThat(route.match().type()).as("%s also matches %s", other, own).isEqualTo(PathMatch.Type.EXACT);
                    assertThat(other.match().type()).isEqualTo(PathMatch.Type.TEMPLATE);
                }
            }
        }
    }

    @Test
    void templatesAreGatewayApiRegularExpressionsOfOneSegmentPerParameter() {
        PathMatch template = PathMatch.template("/users/{userId}/pairs");
        assertThat(template.gatewayApiValue()).isEqualTo("/users/[^/]+/pairs");
        assertThat(template.matches("/users/u-1/pairs")).isTrue();
        assertThat(template.matches("/users/a/b/pairs")).isFalse();
        assertThat(PathMatch.prefix("/actions").matches("/actionsx")).isFalse();
        assertThatThrownBy(() -> PathMatch.exact("/a.b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PathMatch.prefix("/a/")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} counted as {1}")
    @CsvSource({
            "/vehicles,                           /vehicles",
            "/vehicles/3f2a,                      /vehicles/{id}",
            "/vehicles/3f2a/max-power,            /vehicles/{id}/max-power",
            "/users/u1/pairs,                     /users/{userId}/pairs",
            "/link-sessions/callback,             /link-sessions/callback",
            "/pairs,                              /pairs",
            "/pairs/p1/history,                   /pairs/**",
            "/statistics/charging/sessions,       /statistics/**",
            "/vehicle-service/oem/tesla/webhooks, /vehicle-service/oem/**" })
    void metricsCountAPathByItsRouteNeverByItsIds(String path, String template) {
        assertThat(RoutingTable.find(path).orElseThrow().pathTemplate(path)).isEqualTo(template);
    }

    @Test
    void aRewrittenPrefixMapsBothWays() {
        Route webhooks = RoutingTable.find("/vehicle-service/oem/x/webhooks").orElseThrow();
        assertThat(webhooks.publicPath("/oem/{vendor}/webhooks")).contains("/vehicle-service/oem/{vendor}/webhooks");
        assertThat(webhooks.publicPath("/vehicles")).isEmpty();
        assertThat(RoutingTable.find("/vehicles").orElseThrow().publicPath("/vehicles")).contains("/vehicles");
        assertThat(OpenApiMerger.publicPath("charger-service", "/oem/{vendor}/webhooks"))
                .isEqualTo(Optional.of("/charger-service/oem/{vendor}/webhooks"));
        assertThat(OpenApiMerger.publicPath("vehicle-service", "/pairs")).isEmpty();
        assertThat(List.of(RoutingTable.SERVICES.toArray())).hasSize(5);
    }
}
