package io.plugmate.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code ./plugmate token <client-id>}: prints a client-credentials access token from the local
 * Keycloak, so {@code export TOKEN=$(./plugmate token acme-energy)} works without curl or jq.
 */
public final class TokenCommand {

    private TokenCommand() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 2) {
            System.err.println("usage: TokenCommand <repo-root> <client-id>");
            System.exit(2);
        }
        RealmInfo realm = RealmInfo.read(new Layout(Path.of(args[0])).realmFile());
        RealmInfo.Client client = realm.client(args[1]).orElse(null);
        if (client == null) {
            System.err.println("Unknown client '" + args[1] + "'. Clients of the dev realm: "
                    + realm.clients().stream().map(RealmInfo.Client::clientId).toList());
            System.exit(2);
        }
        String basic = Base64.getEncoder()
                .encodeToString((client.clientId() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(
                URI.create(Keycloak.issuer(realm.realm()) + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request,
                    HttpResponse.BodyHandlers.ofString());
            JsonNode body = new ObjectMapper().readTree(response.body());
            if (response.statusCode() != 200 || !body.hasNonNull("access_token")) {
                System.err.println("Keycloak refused: HTTP " + response.statusCode() + " " + response.body());
                System.exit(1);
            }
            System.out.println(body.get("access_token").asText());
        } catch (IOException e) {
            System.err.println("Keycloak is not reachable at " + Keycloak.BASE_URL + " (is `./plugmate run` running?): "
                    + e);
            System.exit(1);
        }
    }
}
