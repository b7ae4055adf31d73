package io.plugmate.testinfra;

import java.util.Map;

import io.plugmate.localinfra.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real, throwaway PostgreSQL 17 for the module's tests; its log goes to target/infra-logs/postgres.log. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private PostgresServer server;

    @Override
    public Map<String, String> start() {
        server = PostgresServer.start(PostgresServer.Options.throwaway(InfraLogs.file("postgres.log")));
        return Map.of(
                "quarkus.datasource.reactive.url", server.reactiveUrl(),
                "plugmate.test.postgres.jdbc-url", server.jdbcUrl(),
                "quarkus.datasource.username", server.username(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
