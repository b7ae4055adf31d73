package io.plugmate.devstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The services {@code ./plugmate run} starts, in start order. A new service joins the local stack by
 * adding one entry here; entries whose jar is not built yet are skipped.
 */
public final class ServiceCatalog {

    /** Where the public API is: the gateway in front of every service. */
    public static final int GATEWAY_PORT = 8080;

    private ServiceCatalog() {
    }

    public static List<ServiceSpec> services() {
        return List.of(
                quarkusApp("oem-simulator", 8090, Optional.empty(), Map.of(
                        // a small living demo fleet, ten times faster than real time
                        "plugmate.simulator.demo-fleet.households", "5",
                        "plugmate.simulator.clock.speed", "10",
                        // the platform's OAuth client at the simulated OEMs
                        "plugmate.simulator.oauth.clients.plugmate", "${secrets.oem-client-secret}"))
                        .withNote("demo OEM accounts: http://localhost:8090/sandbox/accounts")
                        // the services call the simulated OEMs until they have stopped
                        .withTier(Tier.SIMULATOR),
                platformService("vehicle-service", 8081, "vehicle"),
                platformService("charger-service", 8082, "charger"),
                platformService("pairing-service", 8083, "pairing"),
                platformService("orchestration-service", 8084, "orchestration"),
                platformService("statistics-service", 8085, "statistics"),
                // the whole public API on one port (architecture §1): routing table, tokens, rate limits, merged OpenAPI
                quarkusApp("gateway", GATEWAY_PORT, Optional.empty(), Map.of(
                        "quarkus.oidc.auth-server-url", "${oidc.auth-server-url}"))
                        .withNote("the whole API on one port; Swagger UI: http://localhost:" + GATEWAY_PORT
                                + "/q/swagger-ui"));
    }

    /** The catalog entry of {@code name}, e.g. to find where it listens. */
    public static ServiceSpec service(String name) {
        return services().stream().filter(spec -> spec.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name + " in the catalog"));
    }

    /**
     * A Plugmate service: its own database, Kafka, tokens from the dev realm, and the shared secrets
     * under the environment variable names the services read (their Kubernetes Secret keys).
     */
    static ServiceSpec platformService(String module, int port, String database) {
        return quarkusApp(module, port, Optional.of(database), Map.of(
                "quarkus.datasource.reactive.url", "${db.reactive-url}",
                "quarkus.datasource.jdbc.url", "${db.jdbc-url}",
                "quarkus.datasource.username", "${postgres.username}",
                "quarkus.datasource.password", "${postgres.password}",
                "kafka.bootstrap.servers", "${kafka.bootstrap-servers}",
                "quarkus.oidc.auth-server-url", "${oidc.auth-server-url}"))
                .withEnvironment(platformEnvironment(module))
                .withNote("OpenAPI: http://localhost:" + port + "/q/openapi");
    }

    private static Map<String, String> platformEnvironment(String module) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PLUGMATE_OEM_CLIENT_SECRET", "${secrets.oem-client-secret}");
        environment.put("PLUGMATE_OEM_CREDENTIALS_KEY", "${secrets.oem-credentials-key}");
        // one webhook key per vendor (a service reads those of its device kind's vendors)
        DevSecrets.VENDORS.forEach(vendor -> environment.put("PLUGMATE_WEBHOOK_SECRET_" + vendor,
                "${secrets." + DevSecrets.webhookSecret(vendor) + "}"));
        // the simulator pushes reports to the service as soon as an account is linked, through the gateway (where
        // each device service's webhooks live under its name, RoutingTable)
        environment.put("PLUGMATE_WEBHOOKS_REGISTER_ON_START", "true");
        environment.put("PLUGMATE_WEBHOOKS_PUBLIC_URL", "http://localhost:" + GATEWAY_PORT + "/" + module);
        // the simulator's clock runs ten times faster than the wall clock and resumes across runs (SimulatorClock), so
        // its reports are ahead of our clock by nine times the stack's total running time: a day of running puts them
        // nine days ahead. Ten years of lead take over a year of running; a report from 2099 is still refused.
        environment.put("PLUGMATE_OBSERVATIONS_FUTURE_TOLERANCE", "3650d");
        // link URLs and the OEM's redirect back go through the gateway too
        environment.put("PLUGMATE_PUBLIC_URL", "http://localhost:" + GATEWAY_PORT);
        return environment;
    }

    /**
     * Where a module is built, from the project root: services at the top, their pom aggregators' parts one level
     * down, everything that never ships under {@code dev/}.
     */
    static Path folder(String module) {
        return switch (module) {
            case "oem-simulator", "gateway" -> Path.of("dev", module);
            case "pairing-service" -> Path.of(module, "service");
            default -> Path.of(module);
        };
    }

    /** A Quarkus fast-jar built by {@code <folder>/target/quarkus-app}. */
    static ServiceSpec quarkusApp(String module, int port, Optional<String> database, Map<String, String> properties) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("quarkus.http.port", Integer.toString(port));
        // local-dev secrets live in this stack: do not expose it to the network
        all.put("quarkus.http.host", "127.0.0.1");
        all.putAll(properties);
        return new ServiceSpec(module, folder(module).resolve("target/quarkus-app/quarkus-run.jar"), port,
                "/q/health/ready", database, List.of("-XX:MaxRAM=" + JvmSettings.CONTAINER_MEMORY_LIMIT), all,
                Map.of(), "", Tier.SERVICE);
    }
}
