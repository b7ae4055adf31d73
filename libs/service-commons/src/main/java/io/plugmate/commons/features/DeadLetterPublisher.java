package io.plugmate.commons.features;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jboss.logging.Logger;

import io.plugmate.events.Topics;

/**
 * Sends a record that cannot be applied to the DLQ, byte for byte, with why and where from in headers
 * (architecture §4). Every service instance replays the topic, so each of them may dead-letter the same record;
 * {@value #CONSUMER_HEADER} and the source coordinates let whoever reads the DLQ tell the copies apart.
 */
final class DeadLetterPublisher implements AutoCloseable {

    static final String CONSUMER_HEADER = "dlq-consumer";
    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);
    /** Above the producer's own delivery timeout, which reports a broker that stayed away as a retriable failure. */
    private static final long ACK_WAIT_SECONDS = 40;

    private final Map<String, Object> kafkaConfig;
    private final String topic;
    private final String consumerName;
    private KafkaProducer<byte[], byte[]> producer;

    DeadLetterPublisher(Map<String, Object> kafkaConfig, String topic, String consumerName) {
        this.kafkaConfig = kafkaConfig;
        this.topic = topic;
        this.consumerName = consumerName;
    }

    /**
     * Waits for the broker's acknowledgement and throws when it does not come, so that the reader retries the record
     * instead of going past it (a poison record is dead-lettered or waits, never dropped).
     */
    void publish(ConsumerRecord<byte[], byte[]> source, String reason) {
        var record = new ProducerRecord<>(topic, null, source.key(), source.value(), source.headers());
        record.headers()
                .add(Topics.DLQ_REASON_HEADER, utf8(reason))
                .add(Topics.DLQ_SOURCE_TOPIC_HEADER, utf8(source.topic()))
                .add(Topics.DLQ_SOURCE_PARTITION_HEADER, utf8(Integer.toString(source.partition())))
                .add(Topics.DLQ_SOURCE_OFFSET_HEADER, utf8(Long.toString(source.offset())))
                .add(CONSUMER_HEADER, utf8(consumerName));
        try {
            producer().send(record).get(ACK_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException | RuntimeException e) {
            // a fresh producer for the retry: an idempotent one can be left unusable by a failed batch
            close();
            throw failure(e);
        }
        LOG.warnf("Dead-lettered %s-%d@%d to %s: %s", source.topic(), source.partition(), source.offset(), topic,
                reason);
    }

    /** The failure as the reader sees it; a Kafka cause stays in the chain (retriable or not). */
    private RuntimeException failure(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        if (e instanceof RuntimeException runtime) {
            return runtime;
        }
        Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
        return new KafkaException("Could not dead-letter to " + topic + " within " + ACK_WAIT_SECONDS + " s: " + cause,
                cause);
    }

    private KafkaProducer<byte[], byte[]> producer() {
        // created on first use: most instances never see a poison record
        if (producer == null) {
            Map<String, Object> config = new HashMap<>(kafkaConfig);
            config.remove("group.id");
            config.put(ProducerConfig.CLIENT_ID_CONFIG, consumerName + "-client-features-dlq");
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            // the reader's thread waits here: a broker away fails the attempt (retried) in bounded time
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            producer = new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
            producer = null;
        }
    }
}
