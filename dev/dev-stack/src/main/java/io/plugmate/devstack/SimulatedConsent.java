package io.plugmate.devstack;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the end user's browser does with a link URL, without a browser: open it (vehicle-service redirects to the
 * simulated OEM's consent page and sets the cookie that binds the link session to this client; {@link LocalHttp} keeps
 * it and sends it back to the callback, which refuses a browser without it), sign in there with the household's demo login and
 * approve (the OEM redirects to
 * vehicle-service's callback), follow the callback (vehicle-service completes the link and redirects to the API
 * client's redirect URI, which is not fetched). Every redirect is followed on purpose, one step at a time, so a
 * failure says which step.
 */
final class SimulatedConsent {

    /** Where the browser ends: the API client's redirect URI with the outcome in its query. */
    record Outcome(URI redirect, Map<String, String> query) {

        boolean succeeded() {
            return "success".equals(query.get("status"));
        }

        String linkSessionId() {
            return query.getOrDefault("linkSessionId", "?");
        }

        String error() {
            return query.getOrDefault("error", "unknown");
        }
    }

    private final LocalHttp http;

    SimulatedConsent(LocalHttp http) {
        this.http = http;
    }

    Outcome approve(URI linkUrl, DemoAccount account) {
        URI consentPage = LocalHttp.location("opening the link URL",
                http.send("vehicle-service", HttpRequest.newBuilder(linkUrl).GET()));
        var page = http.send("the simulated OEM", HttpRequest.newBuilder(consentPage).GET());
        if (page.statusCode() != 200) {
            throw new CommandFailure("the consent page " + consentPage + " answered HTTP " + page.statusCode() + ": "
                    + page.body());
        }
        var decision = http.send("the simulated OEM", HttpRequest.newBuilder(withoutQuery(consentPage))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(consentForm(consentPage, account)))));
        if (decision.statusCode() == 401) {
            throw new CommandFailure("the simulated " + account.vendor() + " refused the demo login " + account.username());
        }
        URI callback = LocalHttp.location("approving at the simulated " + account.vendor(), decision);
        URI redirect = LocalHttp.location("following the callback",
                http.send("vehicle-service", HttpRequest.newBuilder(callback).GET()));
        return new Outcome(redirect, query(redirect));
    }

    /**
     * The fields the consent page's form posts: its hidden fields repeat the authorization request (the page URL's
     * query), the person adds the login and the decision.
     */
    static Map<String, String> consentForm(URI consentPage, DemoAccount account) {
        Map<String, String> fields = new LinkedHashMap<>(query(consentPage));
        fields.put("username", account.username());
        fields.put("password", account.password());
        fields.put("decision", "approve");
        return fields;
    }

    static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            String[] keyValue = pair.split("=", 2);
            values.put(decode(keyValue[0]), keyValue.length > 1 ? decode(keyValue[1]) : "");
        }
        return values;
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static URI withoutQuery(URI uri) {
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath());
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
