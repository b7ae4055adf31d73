package io.plugmate.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCommandTest {

    private final ServiceSpec spec = ServiceCatalog.quarkusApp("vehicle-service", 8081, Optional.of("vehicle"), Map.of(
            "quarkus.datasource.reactive.url", "${db.reactive-url}",
            "kafka.bootstrap.servers", "${kafka.bootstrap-servers}"));

    @Test
    void runsTheJarWithResolvedSystemProperties(@TempDir Path root) {
        List<String> command = ServiceCommand.of(spec, root, Path.of("/jdk/bin/java"),
                ServiceCatalogTest.ENDPOINTS.placeholderValues(spec.database()));

        assertThat(command).startsWith("/jdk/bin/java", "-XX:MaxRAM=512m")
                .endsWith("-jar", root.resolve("vehicle-service/target/quarkus-app/quarkus-run.jar").toString())
                .contains("-Dquarkus.http.port=8081",
                        "-Dquarkus.http.host=127.0.0.1",
                        "-Dquarkus.datasource.reactive.url=postgresql://localhost:15432/vehicle",
                        "-Dkafka.bootstrap.servers=localhost:9092")
                .noneMatch(arg -> arg.startsWith("-XX:AOTCache"));
    }

    @Test
    void usesTheAotCacheWhenTheBuildMadeOne(@TempDir Path root) throws IOException {
        Path app = Files.createDirectories(root.resolve("vehicle-service/target/quarkus-app"));
        Files.createFile(app.resolve("app.aot"));

        List<String> command = ServiceCommand.of(spec, root, Path.of("java"),
                ServiceCatalogTest.ENDPOINTS.placeholderValues(spec.database()));

        assertThat(command).contains("-XX:AOTCache=" + app.resolve("app.aot"));
    }
}
