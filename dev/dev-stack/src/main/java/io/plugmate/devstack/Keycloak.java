package io.plugmate.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A real Keycloak from the Maven Central distribution, in dev mode, with the Plugmate realm imported.
 * {@code ./plugmate} downloads and unpacks it; this class only prepares and starts it.
 */
final class Keycloak {

    static final int PORT = 8180;
    static final String BASE_URL = "http://localhost:" + PORT;
    // local-dev only, like every secret in the realm export
    static final String ADMIN_USER = "admin";
    static final String ADMIN_PASSWORD = "admin";

    private final Path home;
    private final Layout layout;
    private final String realm;

    Keycloak(Path home, Layout layout, String realm) {
        this.home = home;
        this.layout = layout;
        this.realm = realm;
    }

    static String issuer(String realm) {
        return BASE_URL + "/realms/" + realm;
    }

    URI readinessUri() {
        return URI.create(issuer(realm) + "/.well-known/openid-configuration");
    }

    ChildProcess start() {
        Path kcSh = home.resolve("bin/kc.sh");
        if (!Files.isExecutable(kcSh)) {
            throw new StartupException("Keycloak not found at " + home + " (./plugmate run downloads it)");
        }
        importRealm();
        List<String> command = List.of(kcSh.toString(), "start-dev",
                "--http-port=" + PORT,
                "--http-host=127.0.0.1",
                // a fixed issuer whatever address a caller uses; services verify it
                "--hostname=" + BASE_URL,
                "--import-realm");
        Map<String, String> environment = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        return ChildProcess.start("keycloak", command, environment, home, layout.log("keycloak"));
    }

    /**
     * Keycloak imports a realm only if it does not exist yet. When the export changed since the last
     * import, the dev database (H2, nothing else in it worth keeping) is dropped so the new one applies.
     */
    private void importRealm() {
        try {
            Path importDir = Files.createDirectories(home.resolve("data/import"));
            Files.copy(layout.realmFile(), importDir.resolve("plugmate-realm.json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Path marker = home.resolve("data/plugmate-realm.sha256");
            String hash = sha256(layout.realmFile());
            String imported = Files.exists(marker) ? Files.readString(marker).strip() : "";
            Path database = home.resolve("data/h2");
            if (!hash.equals(imported) && Files.exists(database)) {
                Console.info("Realm export changed: resetting Keycloak's dev database so it is imported again");
                Directories.deleteRecursively(database);
            }
            Files.writeString(marker, hash);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Keycloak realm import", e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
