package io.plugmate.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The outbox, inbox and command-ledger tables for an application without Flyway — this library's own test
 * application. The services never take this path: their Flyway runs the same script
 * ({@value #SCRIPT}, the one copy of the DDL) with the migration user, so their runtime user needs no CREATE right.
 * Off unless {@code plugmate.messaging.create-tables-at-start=true}.
 */
@ApplicationScoped
class MessagingSchema {

    static final String SCRIPT = "db/messaging/R__service_messaging_tables.sql";

    private final Pool pool;
    private final boolean createAtStart;

    MessagingSchema(Pool pool,
            @ConfigProperty(name = "plugmate.messaging.create-tables-at-start", defaultValue = "false") boolean createAtStart) {
        this.pool = pool;
        this.createAtStart = createAtStart;
    }

    void create(@Observes @Priority(10) StartupEvent startup) {
        if (!createAtStart) {
            return;
        }
        // the advisory lock keeps two instances starting together from racing on the DDL
        String ddl = "select pg_advisory_xact_lock(7243003);\n" + script();
        pool.withTransaction(connection -> connection.query(ddl).execute()).await().atMost(Duration.ofSeconds(30));
    }

    static String script() {
        try (InputStream in = MessagingSchema.class.getClassLoader().getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
