package io.plugmate.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Catches a broken catalog entry at build time rather than at someone's first `./plugmate run`. */
class ServiceCatalogTest {

    static final Endpoints ENDPOINTS = new Endpoints(15432, "postgres", "postgres", "localhost:9092",
            "http://localhost:8180/realms/plugmate");

    static final Map<String, String> SECRETS = secrets();

    private static Map<String, String> secrets() {
        Map<String, String> secrets = new HashMap<>(Map.of("secrets.oem-client-secret", "s1",
                "secrets.oem-credentials-key", "s2"));
        DevSecrets.VENDORS.forEach(vendor -> secrets.put("secrets." + DevSecrets.webhookSecret(vendor), "w-" + vendor));
        return Map.copyOf(secrets);
    }

    static Map<String, String> values(ServiceSpec spec) {
        Map<String, String> values = new HashMap<>(ENDPOINTS.placeholderValues(spec.database()));
        values.putAll(SECRETS);
        return values;
    }

    @Test
    void namesAndPortsAreUniqueAndClearOfTheInfrastructure() {
        List<ServiceSpec> services = ServiceCatalog.services();
        Set<Integer> ports = new HashSet<>(
                List.of(Infrastructure.POSTGRES_PORT, Infrastructure.KAFKA_PORT, Keycloak.PORT));
        Set<String> names = new HashSet<>();
        for (ServiceSpec spec : services) {
            assertThat(ports.add(spec.port())).as("port of %s is free", spec.name()).isTrue();
            assertThat(names.add(spec.name())).as("name %s is unique", spec.name()).isTrue();
        }
    }

    @Test
    void theSimulatorStopsAfterThePlatformServicesThatCallIt() {
        assertThat(ServiceCatalog.service("oem-simulator").tier()).isEqualTo(Tier.SIMULATOR);
        assertThat(ServiceCatalog.services()).filteredOn(spec -> !spec.name().equals("oem-simulator"))
                .isNotEmpty().allMatch(spec -> spec.tier() == Tier.SERVICE);
    }

    @Test
    void everyPropertyAndVariableResolvesAgainstRunningInfrastructure() {
        for (ServiceSpec spec : ServiceCatalog.services()) {
            var values = values(spec);
            spec.properties().values().forEach(value -> assertThat(Placeholders.resolve(value, values))
                    .as("%s: %s", spec.name(), value).doesNotContain("${"));
            assertThat(ServiceCommand.environment(spec, values).values()).noneMatch(v -> v.contains("${"));
        }
    }

    @Test
    void theSimulatorAcceptsTheOemClientSecretTheServicesUse() {
        ServiceSpec simulator = ServiceCatalog.services().getFirst();
        ServiceSpec vehicles = ServiceCatalog.platformService("vehicle-service", 8081, "vehicle");

        assertThat(Placeholders.resolve(simulator.properties().get("plugmate.simulator.oauth.clients.plugmate"),
                SECRETS)).isEqualTo("s1");
        assertThat(ServiceCommand.environment(vehicles, values(vehicles)))
                .containsEntry("PLUGMATE_OEM_CLIENT_SECRET", "s1")
                .containsEntry("PLUGMATE_OEM_CREDENTIALS_KEY", "s2")
                .containsEntry("PLUGMATE_WEBHOOK_SECRET_TESLA", "w-TESLA")
                .containsEntry("PLUGMATE_WEBHOOK_SECRET_ZAPLINE", "w-ZAPLINE");
    }

    @Test
    void entriesPointAtBuiltQuarkusAppsAndTheirOwnPort() {
        for (ServiceSpec spec : ServiceCatalog.services()) {
            assertThat(spec.jar().isAbsolute()).isFalse();
            assertThat(spec.jar().toString()).endsWith("target/quarkus-app/quarkus-run.jar");
            assertThat(spec.properties()).containsEntry("quarkus.http.port", Integer.toString(spec.port()));
            assertThat(spec.healthUri().toString()).isEqualTo("http://localhost:" + spec.port() + "/q/health/ready");
        }
    }

    @Test
    void platformServicesGetTheirDatabaseKafkaAndTheDevRealm() {
        ServiceSpec spec = ServiceCatalog.platformService("charger-service", 8082, "charger");
        List<String> command = ServiceCommand.of(spec, Path.of("/repo"), Path.of("java"),
                ENDPOINTS.placeholderValues(spec.database()));

        assertThat(command).contains("-Dquarkus.datasource.reactive.url=postgresql://localhost:15432/charger",
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:15432/charger",
                "-Dkafka.bootstrap.servers=localhost:9092",
                "-Dquarkus.oidc.auth-server-url=http://localhost:8180/realms/plugmate");
    }

    @Test
    void theSimulatorRunsWithADemoFleet() {
        assertThat(ServiceCatalog.services()).anySatisfy(spec -> {
            assertThat(spec.name()).isEqualTo("oem-simulator");
            assertThat(spec.port()).isEqualTo(8090);
            assertThat(Integer.parseInt(spec.properties().get("plugmate.simulator.demo-fleet.households"))).isPositive();
        });
    }

    @Test
    void theGatewayServesTheApiOnOnePortAndTheServicesGiveOutItsAddress() {
        ServiceSpec gateway = ServiceCatalog.service("gateway");
        assertThat(gateway.port()).isEqualTo(8080);
        assertThat(gateway.jar()).isEqualTo(Path.of("dev/gateway/target/quarkus-app/quarkus-run.jar"));
        assertThat(gateway.properties()).containsEntry("quarkus.oidc.auth-server-url", "${oidc.auth-server-url}");
        ServiceSpec chargers = ServiceCatalog.service("charger-service");
        // link URLs, OEM redirects and webhook deliveries all go through the gateway (RoutingTable's public paths)
        assertThat(chargers.environment()).containsEntry("PLUGMATE_PUBLIC_URL", "http://localhost:8080")
                .containsEntry("PLUGMATE_WEBHOOKS_PUBLIC_URL", "http://localhost:8080/charger-service");
    }
}
