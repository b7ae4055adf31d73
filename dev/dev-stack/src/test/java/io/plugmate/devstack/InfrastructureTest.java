package io.plugmate.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.plugmate.localinfra.PostgresServer;

/** Per-service databases against a real (throwaway) PostgreSQL: a few seconds, worth it. */
class InfrastructureTest {

    @Test
    void createsAServiceDatabaseOnceAndReusesItAfterwards(@TempDir Path dir) throws Exception {
        try (PostgresServer postgres = PostgresServer.start(PostgresServer.Options.throwaway(dir.resolve("pg.log")))) {
            Infrastructure.ensureDatabase(postgres, "vehicle");
            Infrastructure.ensureDatabase(postgres, "vehicle");

            Endpoints endpoints = new Endpoints(postgres.port(), postgres.username(), postgres.password(), "unused",
                    "unused");
            try (Connection connection = DriverManager.getConnection(endpoints.jdbcUrl("vehicle"),
                    postgres.username(), postgres.password());
                    ResultSet row = connection.createStatement().executeQuery("SELECT current_database()")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getString(1)).isEqualTo("vehicle");
            }
            assertThatThrownBy(() -> Infrastructure.ensureDatabase(postgres, "x; DROP DATABASE postgres"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
