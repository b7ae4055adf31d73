package io.plugmate.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.plugmate.gateway.routing.RoutingTable;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Real HTTP servers standing in for the services: each answers any request with what it received (service, method,
 * path, query, whether a token and forwarding headers came along, the body's length), and {@code /q/openapi} with a
 * small document. statistics-service is configured at a port nobody listens on: the unreachable service.
 */
public class StandInServices implements QuarkusTestResourceLifecycleManager {

    static final String DOWN = RoutingTable.STATISTICS;
    static final String SLOW_PATH = "/pairs/slow";

    /** Requests each stand-in received (the test JVM runs them), to prove that a refused request reached none. */
    static final Map<String, AtomicInteger> RECEIVED = new ConcurrentHashMap<>();

    private final List<HttpServer> servers = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (String service : RoutingTable.SERVICES) {
            int port = service.equals(DOWN) ? unusedPort() : serve(service);
            config.put("plugmate.gateway.upstreams.\"" + service + "\"", "http://localhost:" + port);
        }
        config.put("plugmate.gateway.upstream-timeout", "2s");
        return config;
    }

    private int serve(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> answer(service, exchange));
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            server.start();
            servers.add(server);
            return server.getAddress().getPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(String service, HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        String path = exchange.getRequestURI().getRawPath();
        RECEIVED.computeIfAbsent(service, key -> new AtomicInteger()).incrementAndGet();
        String json;
        if (path.equals("/q/openapi")) {
            json = OpenApiDocuments.standIn(service);
        } else {
            if (path.equals(SLOW_PATH)) {
                sleep(5_000);
            }
            var headers = exchange.getRequestHeaders();
            json = "{\"service\":\"" + service + "\",\"method\":\"" + exchange.getRequestMethod()
                    + "\",\"path\":\"" + path + "\",\"query\":\"" + nullToEmpty(exchange.getRequestURI().getRawQuery())
                    + "\",\"authorization\":" + headers.containsKey("Authorization")
                    + ",\"forwardedFor\":\"" + nullToEmpty(headers.getFirst("X-Forwarded-For"))
                    + "\",\"bodyLength\":" + body.length + "}";
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int received() {
        return RECEIVED.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Override
    public void stop() {
        servers.forEach(server -> server.stop(0));
    }
}
