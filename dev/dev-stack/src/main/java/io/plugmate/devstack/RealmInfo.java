package io.plugmate.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a person needs from the dev realm export: its name and the client-credentials clients with their
 * (public, local-dev) secrets and roles. Read from the file Keycloak imports, so the summary can never
 * drift from the realm. {@code audience} is the custom audience the clients' audience mapper adds.
 */
public record RealmInfo(String realm, Optional<String> audience, List<Client> clients) {

    public record Client(String clientId, String secret, List<String> roles) {
    }

    public RealmInfo {
        clients = List.copyOf(clients);
    }

    public Optional<Client> client(String clientId) {
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst();
    }

    public static RealmInfo read(Path realmFile) {
        try {
            return parse(new ObjectMapper().readTree(realmFile.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read realm export " + realmFile, e);
        }
    }

    static RealmInfo parse(JsonNode realm) {
        // a service account's roles sit on its user, linked to the client by serviceAccountClientId
        Map<String, List<String>> rolesByClient = new HashMap<>();
        for (JsonNode user : realm.path("users")) {
            String clientId = user.path("serviceAccountClientId").asText(null);
            if (clientId != null) {
                List<String> roles = new ArrayList<>();
                user.path("realmRoles").forEach(role -> roles.add(role.asText()));
                rolesByClient.put(clientId, roles);
            }
        }
        List<Client> clients = new ArrayList<>();
        Optional<String> audience = Optional.empty();
        for (JsonNode client : realm.path("clients")) {
            for (JsonNode mapper : client.path("protocolMappers")) {
                if ("oidc-audience-mapper".equals(mapper.path("protocolMapper").asText())) {
                    audience = Optional.ofNullable(mapper.path("config").path("included.custom.audience").asText(null));
                }
            }
            if (client.path("serviceAccountsEnabled").asBoolean(false)) {
                String clientId = client.path("clientId").asText();
                clients.add(new Client(clientId, client.path("secret").asText(""),
                        rolesByClient.getOrDefault(clientId, List.of())));
            }
        }
        return new RealmInfo(realm.path("realm").asText(), audience, clients);
    }
}
