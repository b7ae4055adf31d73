package io.plugmate.gateway.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.plugmate.testinfra.ProjectTree;

/**
 * service-messaging's tables (outbox, inbox, command ledger) come from one script in that library, run by each
 * service's Flyway with the migration user (issue 13 point 15) — not from DDL the runtime user runs at start-up, and
 * not from a copy in each service that could drift. (That the services really get the tables, every service's own
 * suite shows: its outbox and inbox work on a database only Flyway prepared.)
 */
class MessagingMigrationsTest {

    private static final Path SCRIPT = ProjectTree.root()
            .resolve("libs/service-messaging/src/main/resources/db/messaging/R__service_messaging_tables.sql");

    @Test
    void theLibraryShipsTheTablesAsOneIdempotentScript() throws IOException {
        String sql = Files.readString(SCRIPT).toLowerCase(Locale.ROOT);

        assertThat(sql).contains("create table if not exists outbox_event (", "create table if not exists device_command (",
                "create table if not exists processed_event (", "add column if not exists parked_at",
                "add column if not exists followed_up_at");
        assertThat(sql).doesNotContainPattern("create table (?!if not exists)")
                .doesNotContainPattern("create index (?!if not exists)");
    }

    @ParameterizedTest
    @ValueSource(strings = { "vehicle-service", "charger-service", "pairing-service/service", "orchestration-service",
            "statistics-service" })
    void noServiceKeepsItsOwnCopy(String module) throws IOException {
        assertThat(migrations(module)).doesNotContain("outbox_event", "processed_event", "device_command");
    }

    private static String migrations(String module) throws IOException {
        Path folder = ProjectTree.root().resolve(module).resolve("src/main/resources/db/migration");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".sql")).sorted().map(file -> {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n")).toLowerCase(Locale.ROOT);
        }
    }
}
