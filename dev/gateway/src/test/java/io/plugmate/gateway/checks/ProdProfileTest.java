package io.plugmate.gateway.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.plugmate.testinfra.ProjectTree;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Each service's own configuration read as a packaged jar reads it (profile prod): the database login and the IdP come
 * from the environment or start-up fails naming the missing variable — never postgres/postgres or a local server.
 */
class ProdProfileTest {

    private static final Map<String, String> VARIABLES = Map.of("quarkus.datasource.username", "PLUGMATE_DB_USER",
            "quarkus.datasource.password", "PLUGMATE_DB_PASSWORD", "quarkus.datasource.reactive.url",
            "PLUGMATE_DB_URL", "quarkus.datasource.jdbc.url", "PLUGMATE_DB_JDBC_URL",
            "quarkus.oidc.auth-server-url", "PLUGMATE_OIDC_URL");

    private static SmallRyeConfig prod(String module, Map<String, String> environment) throws IOException {
        Path file = ProjectTree.root().resolve(module).resolve("src/main/resources/application.properties");
        return new SmallRyeConfigBuilder().withProfile("prod").addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(file.toUri().toURL(), 250))
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .build();
    }

    private static List<String> keys(String module) {
        return module.equals("dev/gateway") ? List.of("quarkus.oidc.auth-server-url") : List.copyOf(VARIABLES.keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = { "vehicle-service", "charger-service", "pairing-service/service", "orchestration-service",
            "statistics-service", "dev/gateway" })
    void withoutItsVariablesTheProdProfileHasNoLoginAndNoIdp(String module) throws IOException {
        SmallRyeConfig config = prod(module, Map.of());

        for (String key : keys(module)) {
            assertThatThrownBy(() -> config.getValue(key, String.class)).as("%s: %s", module, key)
                    .hasMessageContaining(VARIABLES.get(key));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "vehicle-service", "charger-service", "pairing-service/service", "orchestration-service",
            "statistics-service", "dev/gateway" })
    void theProdProfileTakesThemFromTheEnvironment(String module) throws IOException {
        Map<String, String> environment = Map.of("PLUGMATE_DB_USER", "svc", "PLUGMATE_DB_PASSWORD", "s3cret",
                "PLUGMATE_DB_URL", "postgresql://db:5432/x", "PLUGMATE_DB_JDBC_URL", "jdbc:postgresql://db:5432/x",
                "PLUGMATE_OIDC_URL", "https://idp.example/realms/plugmate");
        SmallRyeConfig config = prod(module, environment);

        for (String key : keys(module)) {
            assertThat(config.getValue(key, String.class)).isEqualTo(environment.get(VARIABLES.get(key)));
        }
    }
}
