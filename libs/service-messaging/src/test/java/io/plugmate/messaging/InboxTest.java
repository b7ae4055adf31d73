package io.plugmate.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

@QuarkusTest
class InboxTest {

    @Inject
    Inbox inbox;

    private static <T> T run(Supplier<Uni<T>> work) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(work);
    }

    @Test
    void theFirstDeliveryCountsAndARedeliveryDoesNot() throws Throwable {
        UUID eventId = UUID.randomUUID();

        assertThat(run(() -> Panache.withTransaction(() -> inbox.firstDelivery("pairing", eventId)))).isTrue();
        assertThat(run(() -> Panache.withTransaction(() -> inbox.firstDelivery("pairing", eventId)))).isFalse();
    }

    @Test
    void consumersAreIndependent() throws Throwable {
        UUID eventId = UUID.randomUUID();

        assertThat(run(() -> Panache.withTransaction(() -> inbox.firstDelivery("pairing", eventId)))).isTrue();
        assertThat(run(() -> Panache.withTransaction(() -> inbox.firstDelivery("statistics", eventId)))).isTrue();
    }

    @Test
    void aFailedHandlingIsNotRememberedSoTheRetryRuns() throws Throwable {
        UUID eventId = UUID.randomUUID();

        assertThatThrownBy(() -> run(() -> Panache.withTransaction(() -> inbox.firstDelivery("pairing", eventId)
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("handler failed"))))))
                .hasMessageContaining("handler failed");

        assertThat(run(() -> Panache.withTransaction(() -> inbox.firstDelivery("pairing", eventId)))).isTrue();
    }

    @Test
    void aBatchCountsEachIdOnceAndOnlyTheFirstTime() throws Throwable {
        UUID seen = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        run(() -> Panache.withTransaction(() -> inbox.firstDelivery("pairing", seen)));

        assertThat(run(() -> Panache.withTransaction(
                () -> inbox.firstDeliveries("pairing", List.of(fresh, seen, fresh, other)))))
                .containsExactlyInAnyOrder(fresh, other);
        assertThat(run(() -> Panache.withTransaction(() -> inbox.firstDeliveries("pairing", List.of(fresh, other)))))
                .isEmpty();
        assertThat(run(() -> Panache.withTransaction(() -> inbox.firstDeliveries("pairing", List.of())))).isEmpty();
        assertThatThrownBy(() -> run(() -> Panache.withSession(() -> inbox.firstDeliveries("pairing", List.of(other)))))
                .hasMessageContaining("needs an active transaction");
    }

    @Test
    void outsideATransactionItIsRefused() {
        assertThatThrownBy(() -> run(() -> inbox.firstDelivery("pairing", UUID.randomUUID())))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> run(() -> Panache.withSession(() -> inbox.firstDelivery("pairing", UUID.randomUUID()))))
                .hasMessageContaining("needs an active transaction");
    }
}
