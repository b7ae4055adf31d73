package io.plugmate.gateway.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.plugmate.testinfra.ProjectTree;

/**
 * service-messaging's tables (outbox, inbox, command ledger) come from each service's Flyway migrations, run by the
 * migration user, not from DDL the service's runtime user runs at start-up (issue 13 point 15).
 */
class MessagingMigrationsTest {

    private static String migrations(String module) throws IOException {
        Path folder = ProjectTree.root().resolve(module).resolve("src/main/resources/db/migration");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".sql")).sorted().map(file -> {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n")).toLowerCase(java.util.Locale.ROOT);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "vehicle-service", "charger-service", "pairing-service/service", "orchestration-service",
            "statistics-service" })
    void everyServiceMigratesTheMessagingTables(String module) throws IOException {
        String sql = migrations(module);

        assertThat(sql).contains("create table if not exists outbox_event (", "create table if not exists device_command (",
                "create table if not exists processed_event (");
        assertThat(sql).contains("add column if not exists attempts", "add column if not exists last_error",
                "add column if not exists parked_at", "add column if not exists user_id");
    }
}
