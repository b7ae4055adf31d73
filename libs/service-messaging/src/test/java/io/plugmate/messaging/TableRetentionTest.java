package io.plugmate.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Inbox marks, settled commands and parked outbox rows older than their window go; everything else stays. A service's
 * own {@link RetentionRule} ({@link RetentionProbeRule}) is applied the same way, a backlog larger than the batch size
 * (3 in this module's tests) in several statements of one round.
 */
@QuarkusTest
class TableRetentionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    @Inject
    TableRetention retention;

    private void sql(String sql, Object... parameters) {
        pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(WAIT);
    }

    private long count(String sql, Object... parameters) {
        return pool.preparedQuery(sql).execute(Tuple.from(parameters)).await().atMost(WAIT).iterator().next()
                .getLong(0);
    }

    /** The table of this test's own rule ({@link RetentionProbeRule}); a round needs it whichever test runs first. */
    @BeforeEach
    void probeTable() {
        sql("create table if not exists retention_probe (id uuid primary key, at timestamptz not null, pinned boolean)");
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

    @Test
    void aServicesOwnRuleDeletesABacklogInBatchesAndKeepsWhatItExcludes() {
        String[] old = new String[8];
        for (int i = 0; i < old.length; i++) {
            old[i] = UUID.randomUUID().toString();
            sql("insert into retention_probe values ($1::uuid, now() - interval '2 days', false)", old[i]);
        }
        UUID pinned = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        sql("insert into retention_probe values ($1, now() - interval '2 days', true), ($2, now(), false)", pinned,
                fresh);

        assertThat(retention.rules()).extracting(RetentionRule::table).contains("processed_event", "device_command",
                "outbox_event", "retention_probe");
        retention.purgeOnce().await().atMost(WAIT);

        // eight rows with a batch size of three: three statements in one round
        assertThat(count("select count(*) from retention_probe where not pinned and at < now() - interval '1 day'"))
                .isZero();
        assertThat(count("select count(*) from retention_probe where id = any($1)",
                (Object) new UUID[] { pinned, fresh })).isEqualTo(2);
    }
}
