package io.plugmate.messaging;

import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_CAUSE;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_CAUSE_CLASS_NAME;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_EXCEPTION_CLASS_NAME;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_OFFSET;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_PARTITION;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_REASON;
import static io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue.DEAD_LETTER_TOPIC;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import io.plugmate.events.Topics;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;

/**
 * One channel's side of {@link SharedDeadLetterQueue}: a nacked record becomes a letter on the channel's dead-letter
 * topic, with the headers SmallRye's {@code KafkaDeadLetterQueue} writes (why, where from, the record's own headers),
 * sent through the shared {@link DeadLetterProducer}. The record is acknowledged — its offset may be committed — only
 * once the broker acknowledged the letter. A letter that cannot be sent fails the nack, as SmallRye's does: the record is
 * not acknowledged and the channel stops with the failure (its health says so), so a restart reads the record again
 * instead of losing it.
 */
final class DeadLetterHandler implements KafkaFailureHandler {

    private static final Logger LOG = Logger.getLogger(SharedDeadLetterQueue.class);

    private final String channel;
    private final Optional<String> topic;
    private final Serializer<Object> keys;
    private final Serializer<Object> values;
    private final DeadLetterProducer producer;

    @SuppressWarnings("unchecked")
    DeadLetterHandler(String channel, Optional<String> topic, Serializer<?> keys, Serializer<?> values,
            DeadLetterProducer producer) {
        this.channel = channel;
        this.topic = topic;
        this.keys = (Serializer<Object>) keys;
        this.values = (Serializer<Object>) values;
        this.producer = producer;
    }

    @Override
    public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
        String to = topic.orElseGet(() -> Topics.dlq(record.getTopic()));
        String from = record.getTopic() + "-" + record.getPartition() + "@" + record.getOffset();
        return Uni.createFrom().item(() -> letter(to, record, reason))
                .chain(producer::send)
                .onFailure().invoke(failure -> LOG.errorf(failure, "Channel %s: could not dead-letter %s to %s, so it "
                        + "is not acknowledged and the channel stops (a restart reads it again)", channel, from, to))
                .emitOn(record::runOnMessageContext)
                .invoke(sent -> LOG.warnf("Channel %s: %s dead-lettered to %s: %s", channel, from, to, message(reason)))
                .chain(sent -> Uni.createFrom().completionStage(record::ack));
    }

    private ProducerRecord<byte[], byte[]> letter(String to, IncomingKafkaRecord<?, ?> record, Throwable reason) {
        Headers headers = new RecordHeaders();
        add(headers, DEAD_LETTER_EXCEPTION_CLASS_NAME, reason.getClass().getName());
        add(headers, DEAD_LETTER_REASON, message(reason));
        if (reason.getCause() != null) {
            add(headers, DEAD_LETTER_CAUSE_CLASS_NAME, reason.getCause().getClass().getName());
            add(headers, DEAD_LETTER_CAUSE, message(reason.getCause()));
        }
        add(headers, DEAD_LETTER_TOPIC, record.getTopic());
        add(headers, DEAD_LETTER_PARTITION, Integer.toString(record.getPartition()));
        add(headers, DEAD_LETTER_OFFSET, Long.toString(record.getOffset()));
        if (record.getHeaders() != null) {
            record.getHeaders().forEach(headers::add);
        }
        // a letter read again by a channel must not count as a record its deserializer failed on
        headers.remove(DeserializationFailureHandler.DESERIALIZATION_FAILURE_DLQ);
        return new ProducerRecord<>(to, null, keys.serialize(to, headers, record.getKey()),
                values.serialize(to, headers, record.getPayload()), headers);
    }

    private static String message(Throwable failure) {
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
