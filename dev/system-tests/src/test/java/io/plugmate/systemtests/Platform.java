package io.plugmate.systemtests;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.plugmate.localinfra.PostgresServer;
import io.plugmate.testinfra.KafkaResource;
import io.plugmate.testinfra.OidcResource;
import io.plugmate.testinfra.PostgresResource;
import io.plugmate.testinfra.ProjectTree;
import io.plugmate.testinfra.ServiceJar;
import io.plugmate.testinfra.SimulatorResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The whole platform for tests across services, started once per test JVM: real PostgreSQL, Kafka, an OIDC issuer (so
 * {@link io.plugmate.testinfra.Tokens} work), the OEM simulator, and every service from its built jar in its own JVM,
 * each with a database of its own. Services meet only on Kafka, exactly as in production; what reaches the device
 * services is what the simulator pushes (polling and command follow-up are off).
 *
 * <p>
 * Use it with {@code @ExtendWith(Platform.class)} and {@link #url(String)}. The module declares test dependencies on
 * each service of type pom, so the reactor builds them first.
 */
public final class Platform implements BeforeAllCallback {

    /** The HMAC key the device services register their webhook receivers with (a test-only value). */
    public static final String WEBHOOK_SECRET = "test-only-webhook-secret-0123456789";
    /** The simulator's registered development client; test-only values, not credentials of anything real. */
    static final String OEM_CLIENT_SECRET = "plugmate-dev-secret";
    static final String CREDENTIALS_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);
    private static final String SERVICE_PROPERTY_PREFIX = "platform.service.";

    /** A service of the platform: where it is built, its database, what it needs beyond the common settings. */
    record Service(String name, String folder, String database, Map<String, String> extra) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("vehicle-service", "vehicle-service", "vehicle",
                    withDeviceSettings(Map.of("plugmate.link.public-base-url", "${url}"))),
            new Service("charger-service", "charger-service", "charger", withDeviceSettings(Map.of())),
            new Service("pairing-service", "pairing-service/service", "pairing", Map.of()),
            new Service("orchestration-service", "orchestration-service", "orchestration",
                    Map.of("plugmate.orchestration.deadlines.vendors.WATTBOX", "PT20S")),
            new Service("statistics-service", "statistics-service", "statistics", Map.of()));

    private static final Map<String, String> URLS = new LinkedHashMap<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Running.class,
                key -> Running.start(), Running.class);
    }

    /** The base URL of a running service, e.g. {@code url("pairing-service")}. */
    public static String url(String service) {
        String url = URLS.get(service);
        if (url == null) {
            throw new IllegalStateException(service + " is not running; the test needs @ExtendWith(Platform.class)");
        }
        return url;
    }

    public static String simulatorUrl() {
        return System.getProperty(SimulatorResource.URL_PROPERTY);
    }

    /** Everything started, stopped in reverse order when the test JVM is done with the root context. */
    static final class Running implements AutoCloseable {
        private static volatile Running current;
        final Broker broker = new Broker();
        private final List<QuarkusTestResourceLifecycleManager> infrastructure = List.of(new PostgresResource(),
                broker, new OidcResource(), new SimulatorResource());
        private final List<ServiceJar> services = new ArrayList<>();
        private final Map<String, Map<String, String>> serviceProperties = new LinkedHashMap<>();

        /** The running platform, for the fault suite that kills and restarts its parts. */
        static Running current() {
            if (current == null) {
                throw new IllegalStateException("the platform is not running; the test needs @ExtendWith(Platform.class)");
            }
            return current;
        }

        static Running start() {
            Running running = new Running();
            current = running;
            CompletableFuture.allOf(running.infrastructure.stream()
                    .map(r -> CompletableFuture.runAsync(r::start)).toArray(CompletableFuture[]::new)).join();
            String jdbcUrl = System.getProperty(PostgresResource.JDBC_URL_PROPERTY);
            for (Service service : SERVICES) {
                createDatabase(jdbcUrl, service.database());
                running.serviceProperties.put(service.name(), properties(jdbcUrl, service));
                running.services.add(ServiceJar.start(service.name(), ProjectTree.quarkusApp(service.folder()),
                        running.serviceProperties.get(service.name())));
            }
            CompletableFuture.allOf(running.services.stream()
                    .map(s -> CompletableFuture.runAsync(() -> s.awaitReady(STARTUP_TIMEOUT)))
                    .toArray(CompletableFuture[]::new)).join();
            for (int i = 0; i < SERVICES.size(); i++) {
                URLS.put(SERVICES.get(i).name(), running.services.get(i).url());
            }
            return running;
        }

        /** The names of the services, in start order. */
        List<String> serviceNames() {
            return List.copyOf(serviceProperties.keySet());
        }

        /** The JVM of a running service, to kill or stop it. */
        long pid(String name) {
            return services.get(index(name)).pid();
        }

        /** Stops the service (SIGTERM, a graceful shutdown; nothing left to do when it was killed). */
        void stop(String name) {
            services.get(index(name)).close();
        }

        /** Starts a stopped or killed service again on its port (its URL stays valid) and waits until it is ready. */
        void start(String name) {
            int i = index(name);
            ServiceJar again = ServiceJar.start(name, ProjectTree.quarkusApp(SERVICES.get(i).folder()),
                    services.get(i).port(), serviceProperties.get(name));
            services.set(i, again);
            again.awaitReady(STARTUP_TIMEOUT);
        }

        private int index(String name) {
            int i = serviceNames().indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("no service " + name);
            }
            return i;
        }

        @Override
        public void close() {
            current = null;
            // services first (their outboxes drain), all at once: each may take a few seconds; then what they use
            CompletableFuture.allOf(services.stream().map(s -> CompletableFuture.runAsync(s::close))
                    .toArray(CompletableFuture[]::new)).join();
            URLS.clear();
            infrastructure.reversed().forEach(QuarkusTestResourceLifecycleManager::stop);
        }
    }

    private static Map<String, String> withDeviceSettings(Map<String, String> extra) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("plugmate.oem.client-secret", OEM_CLIENT_SECRET);
        p.put("plugmate.oem.credentials-key", CREDENTIALS_KEY);
        // one secret per vendor, as in production: each is registered at its vendor and verifies only its deliveries
        for (String vendor : List.of("TESLA", "VOLTRA", "NORDAUTO", "DORMIO", "AMPERIA", "WATTBOX", "ZAPLINE")) {
            p.put("plugmate.webhooks.secrets." + vendor, WEBHOOK_SECRET + "-" + vendor.toLowerCase(Locale.ROOT));
        }
        p.put("plugmate.webhooks.register-on-start", "true");
        p.put("plugmate.webhooks.public-base-url", "${url}");
        p.put("plugmate.polling.enabled", "false");
        p.put("plugmate.commands.follow-up-interval", "0s");
        p.putAll(extra);
        return p;
    }

    private static Map<String, String> properties(String jdbcUrl, Service service) {
        URI server = URI.create(jdbcUrl.substring("jdbc:".length()));
        String hostAndPort = server.getHost() + ":" + server.getPort();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("quarkus.datasource.reactive.url", "postgresql://" + hostAndPort + "/" + service.database());
        p.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + hostAndPort + "/" + service.database());
        p.put("quarkus.datasource.username", PostgresServer.USERNAME);
        p.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        p.put("kafka.bootstrap.servers", System.getProperty(KafkaResource.BOOTSTRAP_PROPERTY));
        p.put("quarkus.oidc.auth-server-url", System.getProperty(OidcResource.URL_PROPERTY));
        p.put("plugmate.oem.base-url", simulatorUrl() + "/oem");
        p.putAll(service.extra());
        // a suite may give every service more settings as system properties platform.service.<key> (e.g. the fault
        // suite's shorter Kafka max.poll.interval.ms)
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith(SERVICE_PROPERTY_PREFIX))
                .sorted().forEach(key -> p.put(key.substring(SERVICE_PROPERTY_PREFIX.length()), System.getProperty(key)));
        return p;
    }

    private static void createDatabase(String jdbcUrl, String database) {
        Properties login = new Properties();
        login.setProperty("user", PostgresServer.USERNAME);
        login.setProperty("password", PostgresServer.PASSWORD);
        try (Connection connection = new org.postgresql.Driver().connect(jdbcUrl, login);
                var create = connection.createStatement()) {
            // a throwaway server: the database never exists yet
            create.execute("create database " + database);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }
}
