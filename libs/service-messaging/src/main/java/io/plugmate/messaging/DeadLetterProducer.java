package io.plugmate.messaging;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jboss.logging.Logger;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The one producer of a service's dead letters, shared by every channel with the {@value SharedDeadLetterQueue#STRATEGY}
 * failure strategy (issue 14, time to first request). SmallRye's {@code dead-letter-queue} builds a producer per channel
 * when the channel starts, on the main thread, with its metrics and network thread: seven in vehicle-service, for
 * records that are almost never poison. This one is made on the first dead letter and closed when the CDI container
 * is destroyed, after {@link KafkaChannelsShutdown} has closed the channels.
 * <p>
 * Byte arrays in and out (each channel turns its own key and value back into bytes), durable and idempotent, connected
 * with the service's {@code kafka.*} configuration (TLS and SASL included) as the outbox relay is. Kafka's own
 * timeouts apply (a send waits up to {@code max.block.ms} for metadata and {@code delivery.timeout.ms} for the
 * broker), as they did for SmallRye's producers; the wait runs on a worker thread, never on the event loop.
 */
@ApplicationScoped
class DeadLetterProducer {

    static final String CLIENT_ID = "plugmate-dead-letters";
    private static final Logger LOG = Logger.getLogger(DeadLetterProducer.class);

    private final Map<String, Object> kafkaConfig;
    private final Set<String> channels = ConcurrentHashMap.newKeySet();
    private final AtomicInteger creations = new AtomicInteger();
    private String bootstrapServers;
    private volatile KafkaProducer<byte[], byte[]> producer;
    private boolean closed;

    DeadLetterProducer(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.kafkaConfig = kafkaConfig;
        this.bootstrapServers = Objects.toString(kafkaConfig.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG), null);
    }

    /**
     * A channel that dead-letters through this producer, at its start. One producer writes to one cluster: a channel
     * reading from another (its own {@code bootstrap.servers}) is refused at start rather than losing its dead letters.
     */
    synchronized void register(String channel, String channelBootstrapServers) {
        if (bootstrapServers == null) {
            bootstrapServers = channelBootstrapServers;
        } else if (!bootstrapServers.equals(channelBootstrapServers)) {
            throw new IllegalArgumentException("Channel " + channel + " reads from " + channelBootstrapServers
                    + " but the shared dead-letter producer writes to " + bootstrapServers
                    + " (kafka.bootstrap.servers): give the channel failure-strategy=dead-letter-queue instead");
        }
        channels.add(channel);
    }

    /** Completes once the broker acknowledged the letter, fails when it refused it or could not be reached in time. */
    Uni<RecordMetadata> send(ProducerRecord<byte[], byte[]> letter) {
        return Uni.createFrom().<RecordMetadata> emitter(sent -> {
            try {
                producer().send(letter, (metadata, failure) -> {
                    if (failure == null) {
                        sent.complete(metadata);
                    } else {
                        sent.fail(failure);
                    }
                });
            } catch (RuntimeException e) {
                sent.fail(e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        KafkaProducer<byte[], byte[]> made = producer;
        if (made != null) {
            return made;
        }
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the service is shutting down: no dead letter is sent any more");
            }
            if (producer == null) {
                producer = new KafkaProducer<>(config(kafkaConfig, bootstrapServers), new ByteArraySerializer(),
                        new ByteArraySerializer());
                creations.incrementAndGet();
                LOG.infof("Dead-letter producer %s made for the first dead letter (shared by %d channels)", CLIENT_ID,
                        channels.size());
            }
            return producer;
        }
    }

    static Map<String, Object> config(Map<String, Object> kafkaConfig, String bootstrapServers) {
        Map<String, Object> config = DurableProducerConfig.of(kafkaConfig, CLIENT_ID);
        if (bootstrapServers != null) {
            config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        }
        return config;
    }

    /** The channels sharing this producer. */
    Set<String> channels() {
        return Set.copyOf(channels);
    }

    /** How many producers this bean has made: 0 until the first dead letter, then 1. */
    int creations() {
        return creations.get();
    }

    @PreDestroy
    synchronized void close() {
        closed = true;
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
