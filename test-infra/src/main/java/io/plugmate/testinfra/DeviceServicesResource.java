package io.plugmate.testinfra;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import io.plugmate.localinfra.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real vehicle-service and charger-service, started from their built jars in their own JVMs, for end-to-end tests
 * of services that live on their events (pairing, later orchestration and statistics). They run against the module's
 * own test infrastructure: each gets a database of its own on the {@link PostgresResource} server, the
 * {@link KafkaResource} broker, the {@link OidcResource} issuer (so {@link Tokens} work on them) and the
 * {@link SimulatorResource} as their OEM clouds, with webhook receivers registered there at start-up.
 *
 * <p>
 * Declare it next to those four, all {@code GLOBAL} and {@code parallel}: it waits for them (they announce themselves
 * as system properties) and then starts both services side by side. The module also declares test dependencies on
 * {@code plugmate-vehicle-service} and {@code plugmate-charger-service} of type pom, so the reactor builds them first.
 * Polling and command follow-up are off: what reaches the services is what the simulator pushes.
 */
public class DeviceServicesResource implements QuarkusTestResourceLifecycleManager {

    public static final String VEHICLE_SERVICE_URL_PROPERTY = "plugmate.test.vehicle-service.url";
    public static final String CHARGER_SERVICE_URL_PROPERTY = "plugmate.test.charger-service.url";
    /** The HMAC key both services register their webhook receivers with (a test-only value). */
    public static final String WEBHOOK_SECRET = "test-only-webhook-secret-0123456789";
    /** The simulator's registered development client; test-only values, not credentials of anything real. */
    static final String OEM_CLIENT_SECRET = "plugmate-dev-secret";
    static final String CREDENTIALS_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final Duration DEPENDENCIES_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private final List<ServiceJar> services = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> infra = awaitDependencies();
        String jdbcUrl = infra.get(PostgresResource.JDBC_URL_PROPERTY);
        createDatabase(jdbcUrl, "vehicle");
        createDatabase(jdbcUrl, "charger");
        ServiceJar vehicles = ServiceJar.start("vehicle-service", jar("vehicle-service"),
                properties(infra, jdbcUrl, "vehicle", Map.of("plugmate.link.public-base-url", "${url}")));
        services.add(vehicles);
        ServiceJar chargers = ServiceJar.start("charger-service", jar("charger-service"),
                properties(infra, jdbcUrl, "charger", Map.of()));
        services.add(chargers);
        CompletableFuture.allOf(CompletableFuture.runAsync(() -> vehicles.awaitReady(STARTUP_TIMEOUT)),
                CompletableFuture.runAsync(() -> chargers.awaitReady(STARTUP_TIMEOUT))).join();
        System.setProperty(VEHICLE_SERVICE_URL_PROPERTY, vehicles.url());
        System.setProperty(CHARGER_SERVICE_URL_PROPERTY, chargers.url());
        return Map.of(VEHICLE_SERVICE_URL_PROPERTY, vehicles.url(), CHARGER_SERVICE_URL_PROPERTY, chargers.url());
    }

    @Override
    public void stop() {
        // both at once: each may take a few seconds to shut down gracefully
        CompletableFuture.allOf(services.stream().map(s -> CompletableFuture.runAsync(s::close))
                .toArray(CompletableFuture[]::new)).join();
        services.clear();
        System.clearProperty(VEHICLE_SERVICE_URL_PROPERTY);
        System.clearProperty(CHARGER_SERVICE_URL_PROPERTY);
    }

    private static Map<String, String> properties(Map<String, String> infra, String jdbcUrl, String database,
            Map<String, String> extra) {
        URI server = URI.create(jdbcUrl.substring("jdbc:".length()));
        String hostAndPort = server.getHost() + ":" + server.getPort();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.datasource.reactive.url", "postgresql://" + hostAndPort + "/" + database);
        p.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostAndPort + "/" + database);
        p.put("quarkus.datasource.username", PostgresServer.USERNAME);
        p.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        p.put("kafka.bootstrap.servers", infra.get(KafkaResource.BOOTSTRAP_PROPERTY));
        p.put("quarkus.oidc.auth-server-url", infra.get(OidcResource.URL_PROPERTY));
        p.put("plugmate.oem.base-url", infra.get(SimulatorResource.URL_PROPERTY) + "/oem");
        p.put("plugmate.oem.client-secret", OEM_CLIENT_SECRET);
        p.put("plugmate.oem.credentials-key", CREDENTIALS_KEY);
        p.put("plugmate.webhooks.secret", WEBHOOK_SECRET);
        p.put("plugmate.webhooks.register-on-start", "true");
        p.put("plugmate.webhooks.public-base-url", "${url}");
        p.put("plugmate.polling.enabled", "false");
        p.put("plugmate.commands.follow-up-interval", "0s");
        p.putAll(extra);
        return p;
    }

    /** The four resources it runs on start in parallel with it; they set these system properties once ready. */
    private static Map<String, String> awaitDependencies() {
        List<String> names = List.of(PostgresResource.JDBC_URL_PROPERTY, KafkaResource.BOOTSTRAP_PROPERTY,
                OidcResource.URL_PROPERTY, SimulatorResource.URL_PROPERTY);
        long deadline = System.nanoTime() + DEPENDENCIES_TIMEOUT.toNanos();
        while (true) {
            Map<String, String> found = new LinkedHashMap<>();
            List<String> missing = new ArrayList<>();
            for (String name : names) {
                String value = System.getProperty(name);
                if (value == null) {
                    missing.add(name);
                } else {
                    found.put(name, value);
                }
            }
            if (missing.isEmpty()) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("DeviceServicesResource runs on PostgresResource, KafkaResource, "
                        + "OidcResource and SimulatorResource (declare them in the module, GLOBAL and parallel); "
                        + "still missing after " + DEPENDENCIES_TIMEOUT + ": " + missing);
            }
            Waiting.pause();
        }
    }

    private static void createDatabase(String jdbcUrl, String database) {
        Properties login = new Properties();
        login.setProperty("user", PostgresServer.USERNAME);
        login.setProperty("password", PostgresServer.PASSWORD);
        // the driver itself rather than DriverManager, which is picky about class loaders inside Quarkus tests
        try (Connection connection = new org.postgresql.Driver().connect(jdbcUrl, login);
                var create = connection.createStatement()) {
            // a throwaway server: the database never exists yet
            create.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    private static Path jar(String module) {
        return Path.of(System.getProperty("plugmate.test." + module + ".jar",
                "../" + module + "/target/quarkus-app/quarkus-run.jar"));
    }
}
