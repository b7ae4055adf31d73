package io.plugmate.messaging;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;

import io.quarkus.arc.Unremovable;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;

/**
 * The failure strategy of every Kafka channel of the services
 * ({@code mp.messaging.incoming.<channel>.failure-strategy=shared-dead-letter-queue}): SmallRye's
 * {@code dead-letter-queue} — the same topic setting ({@code dead-letter-queue.topic}, here {@code <topic>-dlq} when it
 * is not set), the same letter and headers, the record acknowledged only once the broker has the letter — but every
 * channel of the service sends through one {@link DeadLetterProducer}, made on the first dead letter, instead of a
 * producer of its own built at start (issue 14: 7 of them in vehicle-service, 0.8–2.35 s of its start).
 * <p>
 * A channel's key and value are turned back into bytes by the serializer mirroring its deserializer (as SmallRye does;
 * {@code dead-letter-queue.key.serializer} / {@code .value.serializer} name another): for the services' String
 * channels, the record's own bytes whenever they were UTF-8, as every event is. What a nack's metadata may carry
 * ({@code OutgoingKafkaRecordMetadata}: another topic, key or partition for the letter) is not read: no consumer of
 * the services passes any.
 */
@ApplicationScoped
@Identifier(SharedDeadLetterQueue.STRATEGY)
@Unremovable // looked up by name from the channel's configuration, never injected by type
class SharedDeadLetterQueue implements KafkaFailureHandler.Factory {

    static final String STRATEGY = "shared-dead-letter-queue";

    private final DeadLetterProducer producer;

    SharedDeadLetterQueue(DeadLetterProducer producer) {
        this.producer = producer;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        String channel = config.getChannel();
        producer.register(channel, config.getBootstrapServers());
        Map<String, ?> consumerConfig = consumer.configuration();
        return new DeadLetterHandler(channel, config.getDeadLetterQueueTopic(),
                serializer(channel, config.getDeadLetterQueueKeySerializer(),
                        consumerConfig.get(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG), consumerConfig, true),
                serializer(channel, config.getDeadLetterQueueValueSerializer(),
                        consumerConfig.get(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG), consumerConfig, false),
                producer);
    }

    /** The configured serializer, or the one mirroring the channel's deserializer (StringDeserializer → StringSerializer). */
    static Serializer<?> serializer(String channel, Optional<String> configured, Object deserializer,
            Map<String, ?> consumerConfig, boolean isKey) {
        String name = configured.orElseGet(() -> deserializer == null ? StringSerializer.class.getName()
                : (deserializer instanceof Class<?> type ? type.getName() : deserializer.toString())
                        .replace("Deserializer", "Serializer"));
        try {
            Serializer<?> serializer = Utils.newInstance(name, Serializer.class);
            serializer.configure(consumerConfig, isKey);
            return serializer;
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("Channel " + channel + ": no serializer " + name + " for its dead letters"
                    + " (set dead-letter-queue." + (isKey ? "key" : "value") + ".serializer)", e);
        }
    }
}
