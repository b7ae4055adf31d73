package io.plugmate.devstack;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * What is where, printed once everything is ready. A pure function of what started, so it is tested
 * without starting anything.
 */
public record Summary(List<Row> rows, List<String> notices, RealmInfo realm, Duration total) {

    /** One running component: {@code where} is what to paste into a browser or a client config. */
    public record Row(String name, String where, String note, Duration readyIn) {
    }

    public Summary {
        rows = List.copyOf(rows);
        notices = List.copyOf(notices);
    }

    public String tokenEndpoint() {
        return Keycloak.issuer(realm.realm()) + "/protocol/openid-connect/token";
    }

    public String curlFor(RealmInfo.Client client) {
        return "curl -s -u " + client.clientId() + ":" + client.secret() + " -d grant_type=client_credentials "
                + tokenEndpoint();
    }

    /** How to call the API through the gateway, when the gateway runs. */
    private String gatewayExample() {
        return rows.stream().filter(row -> row.name().equals("gateway")).findFirst()
                .map(row -> "  curl -H \"Authorization: Bearer $TOKEN\" " + row.where() + "/vehicles\n")
                .orElse("");
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append('\n').append("Plugmate is running (ready in ").append(Console.seconds(total))
                .append("). Ctrl-C stops everything.\n\n");
        int width = rows.stream().mapToInt(r -> r.name().length()).max().orElse(0);
        for (Row row : rows) {
            out.append(String.format(Locale.ROOT, "  %-" + width + "s  %s", row.name(), row.where()));
            if (!row.note().isBlank()) {
                out.append("  ").append(row.note());
            }
            out.append("  (ready in ").append(Console.seconds(row.readyIn())).append(")\n");
        }
        for (String notice : notices) {
            out.append("  ").append(notice).append('\n');
        }
        out.append("  Every service: OpenAPI at /q/openapi, health at /q/health\n");
        out.append('\n').append("Realm '").append(realm.realm()).append("': issuer ").append(Keycloak.issuer(realm.realm()));
        realm.audience().ifPresent(aud -> out.append(", audience ").append(aud));
        out.append('\n').append("API clients (client credentials; LOCAL-DEV secrets from dev/dev-stack/keycloak/")
                .append("plugmate-realm.json, never use them elsewhere):\n");
        int idWidth = realm.clients().stream().mapToInt(c -> c.clientId().length()).max().orElse(0);
        for (RealmInfo.Client client : realm.clients()) {
            out.append(String.format(Locale.ROOT, "  %-" + idWidth + "s  secret %s  roles %s%n", client.clientId(),
                    client.secret(), String.join(", ", client.roles())));
        }
        realm.clients().stream().findFirst().ifPresent(client -> out.append('\n')
                .append("Get a token (the client id is the tenant):\n")
                .append("  ").append(curlFor(client)).append('\n')
                .append("  export TOKEN=$(./plugmate token ").append(client.clientId()).append(")\n")
                .append(gatewayExample()));
        out.append('\n').append("Logs: .plugmate/logs/<name>.log   State: .plugmate/ (delete it to start afresh)\n");
        return out.toString();
    }
}
