package io.plugmate.devstack;

import java.nio.file.Path;

/**
 * {@code ./plugmate token <client-id>}: prints a client-credentials access token from the local
 * Keycloak, so {@code export TOKEN=$(./plugmate token acme-energy)} works without curl or jq.
 */
public final class TokenCommand {

    private TokenCommand() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: TokenCommand <repo-root> <client-id>");
            System.exit(2);
        }
        RealmInfo realm = RealmInfo.read(new Layout(Path.of(args[0])).realmFile());
        try {
            System.out.println(KeycloakTokens.accessToken(new LocalHttp(), realm, KeycloakTokens.client(realm, args[1])));
        } catch (CommandFailure failure) {
            CommandFailure.exit(failure);
        }
    }
}
