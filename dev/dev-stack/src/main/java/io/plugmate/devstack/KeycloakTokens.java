package io.plugmate.devstack;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;

/** Client-credentials access tokens of the dev realm's API clients, from the local Keycloak. */
final class KeycloakTokens {

    private KeycloakTokens() {
    }

    /** The client of the dev realm called {@code clientId}; a failure lists the realm's clients. */
    static RealmInfo.Client client(RealmInfo realm, String clientId) {
        return realm.client(clientId).orElseThrow(() -> new CommandFailure("Unknown client '" + clientId
                + "'. Clients of the dev realm: " + realm.clients().stream().map(RealmInfo.Client::clientId).toList()));
    }

    static String accessToken(LocalHttp http, RealmInfo realm, RealmInfo.Client client) {
        String basic = Base64.getEncoder()
                .encodeToString((client.clientId() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create(Keycloak.issuer(realm.realm()) + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"));
        JsonNode body = LocalHttp.json("Keycloak", http.send("Keycloak", request), 200);
        if (!body.hasNonNull("access_token")) {
            throw new CommandFailure("Keycloak answered without an access token: " + body);
        }
        return body.get("access_token").asText();
    }
}
