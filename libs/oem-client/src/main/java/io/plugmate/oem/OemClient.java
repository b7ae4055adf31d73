package io.plugmate.oem;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.MultiMap;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Talks to an OEM cloud the way a real integration would: OAuth 2.0 authorization code and refresh grants with client
 * authentication, bearer-token device calls. Vert.x' client, so that results come back on the caller's context and
 * Hibernate Reactive work can continue from them.
 */
@ApplicationScoped
public class OemClient {

    private static final TypeReference<List<OemDevice>> DEVICES = new TypeReference<>() {
    };

    private final WebClient web;
    private final OemConfig config;
    private final ObjectMapper json;
    private final OemCallMetrics metrics;

    public OemClient(Vertx vertx, OemConfig config, ObjectMapper json, OemCallMetrics metrics) {
        this.web = WebClient.create(vertx);
        this.config = config;
        this.json = json;
        this.metrics = metrics;
    }

    public boolean supports(String vendor, OemConfig.DeviceKind kind) {
        OemConfig.Vendor v = config.vendors().get(vendor);
        return v != null && v.deviceTypes().contains(kind);
    }

    /** Where to send the user to consent; {@code state} comes back on our callback. */
    public String authorizeUrl(String vendor, String state, String scope) {
        return vendorUrl(vendor) + "/oauth/authorize?response_type=code&client_id=" + encode(config.clientId())
                + "&redirect_uri=" + encode(config.callbackUrl()) + "&state=" + encode(state) + "&scope="
                + encode(scope);
    }

    public Uni<OemGrant> exchangeCode(String vendor, String code) {
        return tokenRequest(vendor, "code-exchange", MultiMap.caseInsensitiveMultiMap().add("grant_type", "authorization_code")
                .add("code", code).add("redirect_uri", config.callbackUrl()));
    }

    public Uni<OemGrant> refresh(String vendor, String refreshToken) {
        return tokenRequest(vendor, "refresh", MultiMap.caseInsensitiveMultiMap().add("grant_type", "refresh_token")
                .add("refresh_token", refreshToken));
    }

    public Uni<Void> revoke(String vendor, String token) {
        return metrics.measure(vendor, "revoke", () -> authenticated(web.postAbs(vendorUrl(vendor) + "/oauth/revoke"))
                .sendForm(MultiMap.caseInsensitiveMultiMap().add("token", token))
                .map(response -> requireSuccess(response)).replaceWithVoid());
    }

    public Uni<List<OemDevice>> devices(String vendor, OemConfig.DeviceKind kind, String accessToken) {
        return metrics.measure(vendor, "devices", () -> web.getAbs(vendorUrl(vendor) + "/api/" + kind.name() + "s")
                .bearerTokenAuthentication(accessToken).timeout(config.timeout().toMillis()).send()
                .map(response -> read(requireSuccess(response).get("data"), DEVICES)));
    }

    /** The device's current reading as the OEM returns it (for polling); fields as in its webhook reports. */
    public Uni<JsonNode> state(String vendor, OemConfig.DeviceKind kind, String deviceId, String accessToken) {
        return metrics.measure(vendor, "state", () -> web
                .getAbs(vendorUrl(vendor) + "/api/" + kind.name() + "s/" + encode(deviceId) + "/state")
                .bearerTokenAuthentication(accessToken).timeout(config.timeout().toMillis()).send()
                .map(this::requireSuccess));
    }

    /**
     * Asks the OEM to act; the OEM accepts asynchronously (202) and the effect shows in later reports. The request
     * carries {@code Idempotency-Key}: the OEM keeps the command it took under that key and answers the same request
     * again with it instead of taking a second one, so a request whose answer never came (a timeout: the OEM may have
     * taken it) can be sent again without doubling the command.
     *
     * @param type START_CHARGING, STOP_CHARGING or SET_MAX_CURRENT
     * @param idempotencyKey the same for every attempt of one command (our command id)
     * @param timeout how long to wait for the answer
     * @return the OEM's command id
     */
    public Uni<String> sendCommand(String vendor, OemConfig.DeviceKind kind, String deviceId, String accessToken,
            String type, Double maxCurrentA, String idempotencyKey, Duration timeout) {
        var body = new io.vertx.core.json.JsonObject().put("type", type);
        if (maxCurrentA != null) {
            body.put("maxCurrentA", maxCurrentA);
        }
        return metrics.measure(vendor, "command", () -> web
                .postAbs(vendorUrl(vendor) + "/api/" + kind.name() + "s/" + encode(deviceId) + "/commands")
                .bearerTokenAuthentication(accessToken).putHeader("Idempotency-Key", idempotencyKey)
                .timeout(timeout.toMillis()).sendJsonObject(body)
                .map(response -> requireSuccess(response).path("id").asText(null)));
    }

    /** The OEM's view of a command it accepted: {@code state} PENDING, SUCCEEDED or FAILED, and its failureReason. */
    public Uni<JsonNode> commandStatus(String vendor, String oemCommandId, String accessToken) {
        return metrics.measure(vendor, "command-status", () -> web
                .getAbs(vendorUrl(vendor) + "/api/commands/" + encode(oemCommandId))
                .bearerTokenAuthentication(accessToken).timeout(config.timeout().toMillis()).send()
                .map(this::requireSuccess));
    }

    @PreDestroy
    void close() {
        web.close();
    }

    private Uni<OemGrant> tokenRequest(String vendor, String operation, MultiMap form) {
        return metrics.measure(vendor, operation, () -> tokenCall(vendor, form));
    }

    private Uni<OemGrant> tokenCall(String vendor, MultiMap form) {
        return authenticated(web.postAbs(vendorUrl(vendor) + "/oauth/token")).sendForm(form).map(response -> {
            JsonNode body = requireSuccess(response);
            Instant expiresAt = Instant.now().plusSeconds(body.path("expires_in").asLong(3600));
            return new OemGrant(body.path("account_id").asText(null), body.path("access_token").asText(),
                    body.path("refresh_token").asText(null), expiresAt, body.path("scope").asText(null));
        });
    }

    private HttpRequest<Buffer> authenticated(HttpRequest<Buffer> request) {
        return request.basicAuthentication(config.clientId(), config.clientSecret())
                .timeout(config.timeout().toMillis());
    }

    private String vendorUrl(String vendor) {
        if (!config.vendors().containsKey(vendor)) {
            throw new IllegalArgumentException("unsupported vendor " + vendor);
        }
        return config.baseUrl() + "/" + vendor.toLowerCase(Locale.ROOT);
    }

    private JsonNode requireSuccess(HttpResponse<Buffer> response) {
        JsonNode body = parse(response);
        if (response.statusCode() / 100 == 2) {
            return body;
        }
        throw new OemException(response.statusCode(), body.path("error").asText(null),
                "OEM answered " + response.statusCode() + ": "
                        + body.path("error_description").asText(body.path("detail").asText("")),
                RetryAfter.parse(response.getHeader("Retry-After"), Instant.now()));
    }

    private JsonNode parse(HttpResponse<Buffer> response) {
        Buffer body = response.body();
        try {
            return body == null || body.length() == 0 ? MissingNode.getInstance() : json.readTree(body.getBytes());
        } catch (java.io.IOException e) {
            // an HTML error page or garbage: the status code still says what happened
            return MissingNode.getInstance();
        }
    }

    private <T> T read(JsonNode node, TypeReference<T> type) {
        return json.convertValue(node, type);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
