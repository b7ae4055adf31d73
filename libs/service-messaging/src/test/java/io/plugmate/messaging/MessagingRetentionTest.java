package io.plugmate.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Inbox marks, settled commands and parked outbox rows older than their window go; everything else stays. */
@QuarkusTest
class MessagingRetentionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    MessagingRetention retention;

    private void sql(String sql, Object... parameters) {
        pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(WAIT);
    }

    private long count(String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(WAIT).iterator().next()
                .getLong(0);
    }

    @Test
    void onlyRowsPastTheirWindowAreDeleted() {
        UUID oldMark = UUID.randomUUID();
        UUID freshMark = UUID.randomUUID();
        sql("insert into processed_event (consumer, event_id, processed_at) values ('test/retention', $1, "
                + "now() - interval '40 days'), ('test/retention', $2, now())", oldMark, freshMark);
        String device = "retention-" + UUID.randomUUID();
        sql("""
                insert into device_command (command_id, client_id, device_type, device_id, kind, status, received_at)
                values (gen_random_uuid(), 'c', 'vehicle', $1, 'START', 'REJECTED', now() - interval '40 days'),
                       (gen_random_uuid(), 'c', 'vehicle', $1, 'START', 'ACCEPTED', now() - interval '40 days'),
                       (gen_random_uuid(), 'c', 'vehicle', $1, 'START', 'FAILED', now())""", device);
        UUID parkedLongAgo = UUID.randomUUID();
        UUID parkedToday = UUID.randomUUID();
        sql("""
                insert into outbox_event (topic, message_key, event_id, event_type, payload, attempts, parked_at)
                values ('t', 'k', $1, 'X', '{}', 5, now() - interval '40 days'), ('t', 'k', $2, 'X', '{}', 5, now())""",
                parkedLongAgo, parkedToday);

        int deleted = retention.purgeOnce().await().atMost(WAIT);

        assertThat(deleted).isGreaterThanOrEqualTo(3);
        assertThat(count("select count(*) from processed_event where event_id = any($1)",
                (Object) new UUID[] { oldMark, freshMark })).isEqualTo(1);
        assertThat(count("select count(*) from processed_event where event_id = $1", freshMark)).isEqualTo(1);
        // the accepted one is still followed up, the fresh one is recent
        assertThat(count("select count(*) from device_command where device_id = $1 and status in ('ACCEPTED', 'FAILED')",
                device)).isEqualTo(2);
        assertThat(count("select count(*) from device_command where device_id = $1", device)).isEqualTo(2);
        assertThat(count("select count(*) from outbox_event where event_id = $1", parkedLongAgo)).isZero();
        assertThat(count("select count(*) from outbox_event where event_id = $1", parkedToday)).isEqualTo(1);
    }
}
