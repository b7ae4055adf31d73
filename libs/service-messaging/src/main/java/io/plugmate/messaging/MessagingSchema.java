package io.plugmate.messaging;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Creates the outbox, inbox and command-ledger tables when missing. They belong to this library rather than to each service's
 * migrations, and the advisory lock keeps two instances starting together from racing on the DDL.
 */
@ApplicationScoped
class MessagingSchema {

    static final String DDL = """
            select pg_advisory_xact_lock(7243003);
            create table if not exists outbox_event (
                sequence bigserial primary key,
                topic text not null,
                message_key text,
                event_id uuid not null,
                event_type text not null,
                payload text not null,
                created_at timestamptz not null default now()
            );
            alter table outbox_event add column if not exists attempts int not null default 0;
            alter table outbox_event add column if not exists last_error text;
            alter table outbox_event add column if not exists parked_at timestamptz;
            create table if not exists device_command (
                command_id uuid primary key,
                action_id uuid,
                client_id text not null,
                device_type text not null,
                device_id text not null,
                kind text not null,
                status text not null,
                oem_command_id text,
                reason text,
                received_at timestamptz not null,
                completed_at timestamptz
            );
            alter table device_command add column if not exists user_id text;
            alter table device_command add column if not exists followed_up_at timestamptz;
            create index if not exists device_command_follow_up on device_command (device_type, followed_up_at, received_at)
                where status = 'ACCEPTED';
            create table if not exists processed_event (
                consumer text not null,
                event_id uuid not null,
                processed_at timestamptz not null default now(),
                primary key (consumer, event_id)
            );
            create index if not exists processed_event_processed_at on processed_event (processed_at);
            """;

    private final Pool pool;

    MessagingSchema(Pool pool) {
        this.pool = pool;
    }

    void create(@Observes @Priority(10) StartupEvent startup) {
        pool.withTransaction(connection -> connection.query(DDL).execute())
                .await().atMost(Duration.ofSeconds(30));
    }
}
