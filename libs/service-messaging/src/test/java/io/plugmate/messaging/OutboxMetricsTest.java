package io.plugmate.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
class OutboxMetricsTest {

    @Inject
    OutboxMetrics metrics;
    @Inject
    MeterRegistry registry;
    @Inject
    Pool pool;

    @Test
    void aParkedEventShowsInTheGauges() {
        pool.preparedQuery("""
                insert into outbox_event (topic, message_key, event_id, event_type, payload, attempts, parked_at)
                values ('t', 'k', $1, 'X', '{}', 5, now())""").execute(Tuple.of(UUID.randomUUID()))
                .await().atMost(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            metrics.refresh();
            assertThat(registry.get("plugmate.outbox.parked").gauge().value()).isGreaterThanOrEqualTo(1);
            assertThat(registry.get("plugmate.outbox.waiting").gauge().value()).isGreaterThanOrEqualTo(0);
            assertThat(registry.get("plugmate.outbox.oldest").gauge().value()).isGreaterThanOrEqualTo(0);
        });
    }
}
