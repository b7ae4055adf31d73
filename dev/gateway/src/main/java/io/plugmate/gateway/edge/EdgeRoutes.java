package io.plugmate.gateway.edge;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.plugmate.commons.problem.Problem;
import io.plugmate.commons.problem.ProblemType;
import io.plugmate.commons.problem.ProblemWriter;
import io.plugmate.commons.tenant.TenantClaims;
import io.plugmate.gateway.config.GatewayConfig;
import io.plugmate.gateway.routing.Route;
import io.plugmate.gateway.routing.RoutingTable;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.httpproxy.ProxyRequest;

/**
 * The edge, in the order a request meets it: request target's length checked (414, before anything else; a target
 * that is not a valid URI is a 400 problem from service-commons' {@code HttpLayerProblems}, one longer than
 * {@code quarkus.http.limits.max-initial-line-length} a bare 414 from Netty, before any handler runs), token verified
 * by quarkus-oidc (proactive: a bad token is a 401 problem before any of this runs), routing table, a token demanded
 * on {@link Route.Access#BEARER} routes, the API client's rate limit (429), the body read up to the limit (413), then the
 * service. Paths the table does not route fall through to the gateway's own endpoints, else a 404 problem.
 */
@ApplicationScoped
public class EdgeRoutes {

    /** Before authentication (Quarkus runs it at order -200), so an unusable target is never taken for a 401. */
    static final int TARGET_CHECK_ORDER = -300;
    static final String MATCH_KEY = "plugmate.matched-route";
    static final String ROUTE_KEY = "plugmate.route";
    static final String PATH_KEY = "plugmate.path";
    static final String PROXY_KEY = "plugmate.proxy-request";

    private final GatewayConfig config;
    private final ProblemWriter problems;
    private final ClientRateLimiter rateLimiter;
    private final Forwarder forwarder;
    private final BodyHandler bodies;

    public EdgeRoutes(GatewayConfig config, ProblemWriter problems, ClientRateLimiter rateLimiter, Forwarder forwarder,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.config = config;
        this.problems = problems;
        this.rateLimiter = rateLimiter;
        this.forwarder = forwarder;
        this.bodies = BodyHandler.create(false).setBodyLimit(maxBodySize.asLongValue());
    }

    void register(@Observes Router router) {
        router.route().order(TARGET_CHECK_ORDER).handler(this::checkTarget);
        router.route().handler(this::admit).handler(this::readBody).handler(this::forward);
        // after every route of the gateway itself (/q/*, /openapi): nothing here
        router.route().last().handler(context -> problems.write(context,
                Problem.of(ProblemType.NOT_FOUND, "No Plugmate service serves this path.", context.request().path()),
                Map.of()));
    }

    void checkTarget(RoutingContext context) {
        // labelled first, so that refusals (401, 414, 429, 413) are counted by template as well
        normalizedPath(context).flatMap(RoutingTable::find).ifPresent(route -> {
            context.put(MATCH_KEY, route);
            RouteMetrics.label(context, route.pathTemplate(context.normalizedPath()));
        });
        String uri = context.request().uri();
        if (uri.length() > config.maxUriLength()) {
            context.response().putHeader("Connection", "close");
            problems.write(context, Problem.ofStatus(414, "The request target is longer than "
                    + config.maxUriLength() + " characters.", null), Map.of());
            return;
        }
        context.next();
    }

    void admit(RoutingContext context) {
        String path = context.normalizedPath();
        Optional<Route> found = Optional.ofNullable(context.get(MATCH_KEY));
        if (found.isEmpty()) {
            context.next(); // past this route's handlers: the gateway's own endpoints, else the 404 above
            return;
        }
        Route route = found.get();
        SecurityIdentity identity = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        boolean authenticated = identity != null && !identity.isAnonymous();
        if (route.access() == Route.Access.BEARER && !authenticated) {
            context.fail(new UnauthorizedException());
            return;
        }
        // per API client (the tenant); an open route has no client: an OEM delivers every user's webhooks from a few
        // addresses, and the service checks the HMAC before anything else
        Optional<Duration> retryAfter = authenticated ? rateLimiter.acquire(client(identity)) : Optional.empty();
        if (retryAfter.isPresent()) {
            long seconds = Math.max(1, (retryAfter.get().toMillis() + 999) / 1000);
            problems.write(context, Problem.of(ProblemType.TOO_MANY_REQUESTS,
                    "This client sent too many requests; retry after " + seconds + " s.", path),
                    Map.of("Retry-After", Long.toString(seconds)));
            return;
        }
        context.put(ROUTE_KEY, route);
        context.put(PATH_KEY, path);
        context.next();
    }

    void readBody(RoutingContext context) {
        if (context.get(ROUTE_KEY) == null) {
            context.next();
            return;
        }
        // taken over by the proxy before the body is read: an HTTP/2 request cannot be paused once it has ended
        context.put(PROXY_KEY, ProxyRequest.reverseProxy(context.request()));
        bodies.handle(context); // 413 through the failure handler when the body outgrows the limit
    }

    void forward(RoutingContext context) {
        Route route = context.get(ROUTE_KEY);
        if (route == null) {
            context.next();
            return;
        }
        Buffer body = context.body().buffer();
        forwarder.forward(context, context.get(PROXY_KEY), route, context.get(PATH_KEY),
                body == null ? Buffer.buffer() : body);
    }

    /** Empty for a target that is not a valid URI ({@code %zz}): service-commons' target check answers it 400. */
    private static Optional<String> normalizedPath(RoutingContext context) {
        try {
            return Optional.of(context.normalizedPath());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String client(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            return TenantClaims.clientId(jwt::getClaim).orElseGet(jwt::getSubject);
        }
        return identity.getPrincipal().getName();
    }
}
