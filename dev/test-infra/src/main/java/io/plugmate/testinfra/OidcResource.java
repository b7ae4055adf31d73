package io.plugmate.testinfra;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts an {@link OidcTestServer} and points quarkus-oidc at it; mint tokens with {@link Tokens}. */
public class OidcResource implements QuarkusTestResourceLifecycleManager {

    /** The issuer URL, also a system property so that test code outside the app's config can find the server. */
    public static final String URL_PROPERTY = "plugmate.test.oidc.url";

    private OidcTestServer server;

    @Override
    public Map<String, String> start() {
        server = OidcTestServer.start();
        System.setProperty(URL_PROPERTY, server.issuer());
        return Map.of("quarkus.oidc.auth-server-url", server.issuer(), URL_PROPERTY, server.issuer());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            System.clearProperty(URL_PROPERTY);
        }
    }
}
