package io.plugmate.devstack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP to the local stack for the command-line tools: redirects are never followed (the tools follow them on
 * purpose, step by step), cookies are kept like a browser keeps them, and "nothing listens there" becomes a
 * {@link CommandFailure} that says what to start.
 */
final class LocalHttp {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .cookieHandler(new CookieManager())
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    HttpResponse<String> send(String what, HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(30)).build();
        try {
            return client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new CommandFailure(what + " is not reachable at " + origin(built.uri())
                    + " (is `./plugmate run` running?)");
        } catch (IOException e) {
            throw new CommandFailure(what + " at " + origin(built.uri()) + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure("interrupted");
        }
    }

    /** GET a JSON body, with a bearer token unless {@code token} is null; anything but 200 is a failure. */
    JsonNode getJson(String what, URI uri, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "application/json").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return json(what, send(what, request), 200);
    }

    static JsonNode json(String what, HttpResponse<String> response, int expectedStatus) {
        if (response.statusCode() != expectedStatus) {
            throw new CommandFailure(what + " answered HTTP " + response.statusCode() + " to " + response.request().method()
                    + " " + response.uri() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new CommandFailure(what + " answered something that is not JSON: " + response.body());
        }
    }

    /** The redirect target of a 3xx answer, resolved against the request; anything else is a failure. */
    static URI location(String step, HttpResponse<String> response) {
        int status = response.statusCode();
        var location = response.headers().firstValue("Location");
        if (status < 300 || status > 399 || location.isEmpty()) {
            throw new CommandFailure(step + ": expected a redirect, got HTTP " + status + " from " + response.uri()
                    + (response.body().isBlank() ? "" : ": " + response.body()));
        }
        return response.uri().resolve(location.get());
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
