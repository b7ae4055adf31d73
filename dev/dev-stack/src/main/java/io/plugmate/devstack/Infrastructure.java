package io.plugmate.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.plugmate.localinfra.KafkaBroker;
import io.plugmate.localinfra.PostgresServer;

/** PostgreSQL and Kafka on fixed ports, their data kept under {@code .plugmate/} between runs. */
final class Infrastructure {

    static final int POSTGRES_PORT = 15432;
    static final int KAFKA_PORT = 9092;

    private Infrastructure() {
    }

    static PostgresServer startPostgres(Layout layout) {
        return PostgresServer.start(new PostgresServer.Options(POSTGRES_PORT, layout.postgresData(),
                LogFiles.fresh(layout.log("postgres"))));
    }

    /** Kafka keeps its topics between runs; the launcher reuses a formatted data directory as it is. */
    static KafkaBroker startKafka(Layout layout) {
        return KafkaBroker.startPersistent(KAFKA_PORT, layout.kafkaData(), LogFiles.fresh(layout.log("kafka")));
    }

    /** Each service owns its database; created on the first run, kept afterwards. */
    static void ensureDatabase(PostgresServer postgres, String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Unsafe database name: " + database);
        }
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password());
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
            }
        } catch (SQLException e) {
            throw new StartupException("Cannot create database " + database + ": " + e.getMessage(), e);
        }
    }
}
