package io.plugmate.devstack;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Where the running infrastructure can be reached; the source of the {@link Placeholders} values. */
public record Endpoints(int postgresPort, String postgresUsername, String postgresPassword, String kafkaBootstrapServers,
        String oidcAuthServerUrl) {

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    /** The form quarkus-reactive-pg-client expects. */
    public String reactiveUrl(String database) {
        return "postgresql://localhost:" + postgresPort + "/" + database;
    }

    public Map<String, String> placeholderValues(Optional<String> database) {
        Map<String, String> values = new TreeMap<>();
        values.put("postgres.port", Integer.toString(postgresPort));
        values.put("postgres.username", postgresUsername);
        values.put("postgres.password", postgresPassword);
        values.put("kafka.bootstrap-servers", kafkaBootstrapServers);
        values.put("oidc.auth-server-url", oidcAuthServerUrl);
        database.ifPresent(db -> {
            values.put("db.name", db);
            values.put("db.jdbc-url", jdbcUrl(db));
            values.put("db.reactive-url", reactiveUrl(db));
        });
        return values;
    }
}
