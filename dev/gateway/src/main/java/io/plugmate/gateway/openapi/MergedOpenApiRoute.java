package io.plugmate.gateway.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.plugmate.gateway.config.GatewayConfig;
import io.plugmate.gateway.edge.Upstreams;
import io.plugmate.gateway.routing.RoutingTable;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /q/openapi}: the union of the services' documents (architecture §2), fetched from each service's own
 * {@code /q/openapi} when asked, so it is never stale; a service that does not answer is left out and named in the
 * description. The Swagger UI at {@code /q/swagger-ui} shows it.
 */
@ApplicationScoped
public class MergedOpenApiRoute {

    public static final String PATH = "/q/openapi";
    private static final Logger LOG = Logger.getLogger(MergedOpenApiRoute.class);
    private static final long FETCH_TIMEOUT_MILLIS = 5_000;

    private final HttpClient client;
    private final Upstreams upstreams;
    private final ObjectMapper mapper;
    private final GatewayConfig config;

    public MergedOpenApiRoute(Vertx vertx, Upstreams upstreams, ObjectMapper mapper, GatewayConfig config) {
        this.client = vertx.createHttpClient();
        this.upstreams = upstreams;
        this.mapper = mapper;
        this.config = config;
    }

    void register(@Observes Router router) {
        router.get(PATH).handler(this::serve);
    }

    void serve(RoutingContext context) {
        List<Future<JsonNode>> fetches = new ArrayList<>();
        for (String service : RoutingTable.SERVICES) {
            fetches.add(fetch(service).otherwise(failure -> {
                LOG.debugf("No OpenAPI document from %s: %s", service, failure.toString());
                return null;
            }));
        }
        Future.join(fetches).onComplete(done -> {
            Map<String, JsonNode> documents = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (int i = 0; i < fetches.size(); i++) {
                JsonNode document = fetches.get(i).result();
                String service = RoutingTable.SERVICES.get(i);
                if (document == null) {
                    missing.add(service);
                } else {
                    documents.put(service, document);
                }
            }
            ObjectNode merged = OpenApiMerger.merge(documents, info(missing), config.publicUrl());
            try {
                context.response().putHeader("Content-Type", "application/json")
                        .end(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(merged));
            } catch (Exception e) {
                context.fail(e);
            }
        });
    }

    private Future<JsonNode> fetch(String service) {
        var address = upstreams.address(service);
        if (address.isEmpty()) {
            return Future.failedFuture("not configured");
        }
        return client.request(new RequestOptions().setServer(address.get()).setMethod(HttpMethod.GET)
                .setURI("/q/openapi?format=json").setIdleTimeout(FETCH_TIMEOUT_MILLIS)
                .putHeader("Accept", "application/json"))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture("HTTP " + response.statusCode()))
                .map(body -> {
                    try {
                        return mapper.readTree(body.getBytes());
                    } catch (Exception e) {
                        throw new IllegalStateException("not JSON", e);
                    }
                });
    }

    static ObjectNode info(List<String> missing) {
        ObjectNode info = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        info.put("title", "Plugmate API");
        info.put("version", "0.1.0");
        String description = "Every Plugmate service's public API behind one gateway. Authenticate with an OAuth2 "
                + "client-credentials access token (audience plugmate-api); the token's client is the tenant.";
        if (!missing.isEmpty()) {
            description += " Not reachable when this document was assembled: " + String.join(", ", missing) + ".";
        }
        info.put("description", description);
        return info;
    }

    @PreDestroy
    void close() {
        client.close();
    }

}
