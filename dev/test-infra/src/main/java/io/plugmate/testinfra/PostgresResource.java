package io.plugmate.testinfra;

import java.util.Map;

import io.plugmate.localinfra.PostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real, throwaway PostgreSQL 17 for the module's tests; its log goes to target/infra-logs/postgres.log. */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    /**
     * The server's JDBC URL (database {@code postgres}), also a system property once the server is up, so that test
     * code and other resources (e.g. the system tests' platform) can reach it; user and password are
     * {@link PostgresServer#USERNAME} / {@link PostgresServer#PASSWORD}.
     */
    public static final String JDBC_URL_PROPERTY = "plugmate.test.postgres.jdbc-url";

    private PostgresServer server;

    @Override
    public Map<String, String> start() {
        server = PostgresServer.start(PostgresServer.Options.throwaway(InfraLogs.file("postgres.log")));
        System.setProperty(JDBC_URL_PROPERTY, server.jdbcUrl());
        return Map.of(
                "quarkus.datasource.reactive.url", server.reactiveUrl(),
                JDBC_URL_PROPERTY, server.jdbcUrl(),
                "quarkus.datasource.username", server.username(),
                "quarkus.datasource.password", server.password());
    }

    @Override
    public void stop() {
        if (server != null) {
            System.clearProperty(JDBC_URL_PROPERTY);
            server.close();
        }
    }
}
