package io.plugmate.messaging;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.reactive.messaging.kafka.KafkaConnector;

/**
 * Closes the service's Kafka channels first at shutdown (issues 13 and 14). SmallRye closes them only when the CDI
 * container is destroyed, after Quarkus has closed the database pool: until then the consumers kept taking records they
 * could no longer apply (each retried in place against a closed pool), and a graceful close waited for them channel
 * after channel, so a busy pairing-service outlived the grace period and was killed as a member of its group. Here,
 * before every other shutdown observer (the outbox relay's last drain among them), the connector's own close runs: each
 * channel commits the offsets of what it has finished and leaves its group (graceful-shutdown is off in this library's
 * defaults: a record still in flight is read again by whoever takes its partition, and the inbox drops it when it was
 * applied after all). The connector's close at container destruction then finds its channels closed already.
 */
@ApplicationScoped
class KafkaChannelsShutdown {

    private static final Logger LOG = Logger.getLogger(KafkaChannelsShutdown.class);

    private final Instance<KafkaConnector> connector;

    KafkaChannelsShutdown(@Any Instance<KafkaConnector> connector) {
        this.connector = connector;
    }

    void closeChannels(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) ShutdownEvent shutdown) {
        if (!connector.isResolvable()) {
            return;
        }
        long started = System.nanoTime();
        connector.get().terminate(shutdown);
        LOG.infof("Kafka channels closed and their consumer groups left in %d ms",
                (System.nanoTime() - started) / 1_000_000);
    }
}
