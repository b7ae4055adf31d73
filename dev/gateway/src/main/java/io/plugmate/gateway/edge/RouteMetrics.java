package io.plugmate.gateway.edge;

import io.quarkus.micrometer.runtime.binder.vertx.HttpRequestMetric;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's HTTP server metrics ({@code http_server_requests_seconds}) labelled by the routing table's template
 * ({@code uri="/vehicles/{id}"}), as the services label theirs by their JAX-RS templates. The gateway's handlers match
 * every path, so Quarkus would otherwise take the raw path ({@code /vehicles/3f2…}): one series per device id, an
 * unbounded label. The routing table is the one source of the templates ({@code Route#pathTemplate}).
 */
final class RouteMetrics {

    private RouteMetrics() {
    }

    /** Sets the template the request is counted under once it has been answered; nothing when metrics are off. */
    static void label(RoutingContext context, String template) {
        HttpRequestMetric metric = HttpRequestMetric.getRequestMetric(context);
        if (metric != null) {
            metric.setTemplatePath(template);
        }
    }
}
