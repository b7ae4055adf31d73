package io.plugmate.gateway.routing;

import static io.plugmate.gateway.routing.PathMatch.exact;
import static io.plugmate.gateway.routing.PathMatch.prefix;
import static io.plugmate.gateway.routing.PathMatch.template;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The public API's routing table (architecture §1), the one place it is written down: the local gateway routes by it,
 * and the tests check that k8s/'s HTTPRoutes say the same and that together they reach exactly the paths the services'
 * OpenAPI documents declare.
 * <p>
 * Precedence is Gateway API's as Envoy Gateway implements it: an exact match, then a template (regular expression),
 * then the longest prefix. The table is written so that only one overlap exists, where an exact path shadows a
 * template ({@code /link-sessions/callback} versus {@code /link-sessions/{id}}), which every implementation orders
 * the same way.
 * <p>
 * Both device services receive OEM webhooks at {@code /oem/{vendor}/webhooks}; publicly these live under the owning
 * service's name ({@code /vehicle-service/oem/…}), which is the base URL each service registers at the OEMs.
 */
public final class RoutingTable {

    public static final String VEHICLE = "vehicle-service";
    public static final String CHARGER = "charger-service";
    public static final String PAIRING = "pairing-service";
    public static final String ORCHESTRATION = "orchestration-service";
    public static final String STATISTICS = "statistics-service";

    public static final List<String> SERVICES = List.of(VEHICLE, CHARGER, PAIRING, ORCHESTRATION, STATISTICS);

    public static final List<Route> ROUTES = List.of(
            bearer(exact("/vehicles"), VEHICLE),
            bearer(template("/vehicles/{id}"), VEHICLE),
            bearer(template("/users/{userId}/vehicles"), VEHICLE),
            bearer(template("/users/{userId}/link"), VEHICLE),
            // erasing a user (docs/adr/0011): vehicle-service owns linking, where a user comes into being
            bearer(template("/users/{userId}"), VEHICLE),
            bearer(template("/link-sessions/{id}"), VEHICLE),
            // the browser's half of linking: bound to the browser by the service, no API token involved
            open(template("/link-sessions/{id}/start"), VEHICLE),
            open(exact("/link-sessions/callback"), VEHICLE),
            // HMAC-signed by the OEM, verified by the service before parsing
            webhooks(VEHICLE),

            bearer(exact("/chargers"), CHARGER),
            bearer(template("/chargers/{id}"), CHARGER),
            bearer(template("/users/{userId}/chargers"), CHARGER),
            webhooks(CHARGER),

            bearer(prefix("/pairs"), PAIRING),
            bearer(template("/users/{userId}/pairs"), PAIRING),

            // commands on a device go to orchestration, whatever service owns the device
            bearer(template("/vehicles/{id}/charging"), ORCHESTRATION),
            bearer(template("/vehicles/{id}/max-current"), ORCHESTRATION),
            bearer(template("/vehicles/{id}/max-power"), ORCHESTRATION),
            bearer(template("/chargers/{id}/charging"), ORCHESTRATION),
            bearer(template("/chargers/{id}/max-current"), ORCHESTRATION),
            bearer(template("/chargers/{id}/max-power"), ORCHESTRATION),
            bearer(prefix("/actions"), ORCHESTRATION),
            bearer(exact("/features"), ORCHESTRATION),
            bearer(prefix("/admin"), ORCHESTRATION),

            bearer(prefix("/statistics"), STATISTICS));

    private static final Comparator<Route> PRECEDENCE = Comparator
            .comparing((Route route) -> route.match().type())
            .thenComparing(route -> -route.match().value().length());

    private RoutingTable() {
    }

    /** The route a request path takes, by Gateway API precedence; empty: no service serves it (404 at the edge). */
    public static Optional<Route> find(String path) {
        return find(ROUTES, path);
    }

    static Optional<Route> find(List<Route> routes, String path) {
        return routes.stream().filter(route -> route.match().matches(path)).min(PRECEDENCE);
    }

    /** The public prefix under which a service's OEM webhook receivers are reached. */
    public static String webhookPrefix(String service) {
        return "/" + service + "/oem";
    }

    private static Route bearer(PathMatch match, String service) {
        return new Route(match, service, Route.Access.BEARER, Optional.empty());
    }

    private static Route open(PathMatch match, String service) {
        return new Route(match, service, Route.Access.OPEN, Optional.empty());
    }

    private static Route webhooks(String service) {
        return new Route(prefix(webhookPrefix(service)), service, Route.Access.OPEN, Optional.of("/oem"));
    }
}
