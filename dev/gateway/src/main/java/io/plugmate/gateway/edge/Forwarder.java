package io.plugmate.gateway.edge;

import java.net.ConnectException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.netty.channel.EventLoop;
import io.plugmate.commons.problem.Problem;
import io.plugmate.commons.problem.ProblemType;
import io.plugmate.commons.problem.ProblemWriter;
import io.plugmate.gateway.config.GatewayConfig;
import io.plugmate.gateway.routing.Route;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Sends a routed request to its service with Vert.x's reverse proxy ({@link ProxyRequest}/{@link ProxyResponse}: hop-
 * by-hop headers, streaming the answer back) and turns an unreachable or silent service into a problem.
 * <p>
 * One HTTP client (with its own keep-alive connection pool) per event loop: a pooled connection belongs to the event
 * loop that opened it, and a client shared by all loops hands a request the connection used last, whatever its loop —
 * so requests crossed threads twice (the request written on the connection's loop, the answer handed back to the
 * caller's), each crossing a wake-up of the other thread (5 % of the gateway's CPU samples at 1,000 reads/s). With a client per
 * loop the request, the upstream exchange
 * and the answer stay on the thread that took the request.
 */
@ApplicationScoped
public class Forwarder {

    private static final Logger LOG = Logger.getLogger(Forwarder.class);

    private final Vertx vertx;
    private final HttpClientOptions options = new HttpClientOptions().setConnectTimeout(5_000).setMaxPoolSize(50);
    private final Map<EventLoop, HttpClient> clients = new ConcurrentHashMap<>();
    private final Upstreams upstreams;
    private final ProblemWriter problems;
    private final long timeoutMillis;

    public Forwarder(Vertx vertx, Upstreams upstreams, ProblemWriter problems, GatewayConfig config) {
        this.vertx = vertx;
        this.upstreams = upstreams;
        this.problems = problems;
        this.timeoutMillis = config.upstreamTimeout().toMillis();
    }

    /**
     * @param proxied the request as the proxy took it over, before its body was read
     * @param body the whole request body, already read (and size-checked) by the edge; empty for none
     */
    void forward(RoutingContext context, ProxyRequest proxied, Route route, String path, Buffer body) {
        var request = context.request();
        SocketAddress address = upstreams.address(route.service()).orElse(null);
        if (address == null) {
            proxied.release();
            problems.write(context, Problem.of(ProblemType.UNAVAILABLE,
                    route.service() + " is not configured at this gateway.", path), Map.of());
            return;
        }
        String query = request.query();
        proxied.setURI(route.upstreamPath(path) + (query == null ? "" : "?" + query));
        proxied.setBody(Body.body(body));
        proxied.putHeader("X-Forwarded-For", remote(context));
        proxied.putHeader("X-Forwarded-Proto", request.scheme());
        proxied.putHeader("X-Forwarded-Host", request.authority() == null ? "" : request.authority().toString());
        client().request(new RequestOptions().setServer(address).setMethod(proxied.getMethod())
                .setURI(proxied.getURI()).setIdleTimeout(timeoutMillis))
                .compose(proxied::send)
                .compose(ProxyResponse::send)
                .onFailure(failure -> failed(context, proxied, route, path, failure));
    }

    private void failed(RoutingContext context, ProxyRequest proxied, Route route, String path, Throwable failure) {
        proxied.release();
        if (context.response().headWritten()) {
            // the answer was already on its way: all that is left is to cut it off
            context.response().reset();
            return;
        }
        LOG.warnf("%s %s -> %s failed: %s", context.request().method(), path, route.service(), failure.toString());
        boolean silent = failure instanceof TimeoutException
                || failure instanceof io.netty.handler.timeout.TimeoutException
                || String.valueOf(failure.getMessage()).contains("timeout");
        if (silent) {
            problems.write(context, Problem.ofStatus(504, route.service() + " did not answer in time.", path), Map.of());
        } else {
            String why = failure instanceof ConnectException ? " is not reachable." : " could not be reached.";
            problems.write(context, Problem.of(ProblemType.UNAVAILABLE, route.service() + why, path),
                    Map.of("Retry-After", "5"));
        }
    }

    /** The client of the event loop this runs on (handlers run on the loop of the request's connection). */
    HttpClient client() {
        EventLoop loop = ((ContextInternal) vertx.getOrCreateContext()).nettyEventLoop();
        HttpClient client = clients.get(loop);
        return client != null ? client : clients.computeIfAbsent(loop, key -> vertx.createHttpClient(options));
    }

    static String remote(RoutingContext context) {
        var address = context.request().remoteAddress();
        return address == null ? "unknown" : address.hostAddress();
    }

    @PreDestroy
    void close() {
        clients.values().forEach(HttpClient::close);
    }
}
