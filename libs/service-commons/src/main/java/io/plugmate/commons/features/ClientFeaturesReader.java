package io.plugmate.commons.features;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

import io.plugmate.commons.consumers.ConsumerRetryConfig;

/**
 * Replays the compacted client-features topic from the beginning and then follows it, on its own daemon thread.
 * <p>
 * Every instance must see every record, so this is a plain consumer with {@code assign} + {@code seekToBeginning}
 * and no consumer group: a shared group would split the partitions between instances, and committed offsets would
 * make a restarted instance skip the records it needs to rebuild its state. Replay is finished ({@link #caughtUp()})
 * once every partition reached the end offset it had when the reader started.
 * <p>
 * Failures follow the project's consumer rule (architecture §4, service-messaging's {@code @RetriedInPlace}): a record
 * that cannot be applied for itself ({@link ClientFeaturesRecord.Poison}) goes to the dead-letter topic with its reason;
 * anything else — the dead-letter topic cannot be written (Kafka away), a bug — is retried in place with the services'
 * consumer back-off ({@code plugmate.consumers.retry.*}), for as long as it takes: its partition waits at that record,
 * which is neither dropped nor dead-lettered nor overtaken by the records behind it.
 */
public final class ClientFeaturesReader implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ClientFeaturesReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final long RETRY_MILLIS = 1_000;
    private static final long EMPTY_TOPIC_RECHECK_MILLIS = 1_000;
    private static final long PARTITION_RECHECK_MILLIS = 30_000;

    private final Map<String, Object> kafkaConfig;
    private final String topic;
    private final FeatureOverrides overrides;
    private final DeadLetterPublisher deadLetters;
    private final String consumerName;
    private final ConsumerRetryConfig retry;
    private final Thread thread;

    private volatile boolean closed;
    private volatile boolean caughtUp;
    private volatile String status = "starting";
    private KafkaConsumer<byte[], byte[]> consumer;
    private Map<TopicPartition, Long> replayTarget;
    private final Set<TopicPartition> assigned = new HashSet<>();
    private long nextPartitionCheck;
    /** Failed attempts at the record a partition waits at; 0 while nothing fails. */
    private int failures;

    /**
     * @param kafkaConfig client settings (bootstrap servers, TLS, SASL) without the {@code kafka.} prefix
     * @param consumerName names this service in client ids and DLQ headers
     */
    public ClientFeaturesReader(Map<String, Object> kafkaConfig, String topic, String deadLetterTopic,
            FeatureOverrides overrides, String consumerName, ConsumerRetryConfig retry) {
        this.kafkaConfig = Map.copyOf(kafkaConfig);
        this.retry = retry;
        this.topic = topic;
        this.overrides = overrides;
        this.consumerName = consumerName;
        this.deadLetters = new DeadLetterPublisher(this.kafkaConfig, deadLetterTopic, consumerName);
        this.thread = new Thread(this::run, "client-features-reader");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** True once everything that was on the topic at start-up has been applied. */
    public boolean caughtUp() {
        return caughtUp;
    }

    public String status() {
        return status;
    }

    private void run() {
        while (!closed) {
            try {
                if (consumer == null) {
                    consumer = newConsumer();
                }
                refreshAssignment();
                if (assigned.isEmpty()) {
                    // the topic does not exist (yet): nothing to read, and poll() would refuse to run
                    checkCaughtUp();
                    sleep(EMPTY_TOPIC_RECHECK_MILLIS);
                    continue;
                }
                boolean waiting = applyInOrder(consumer.poll(POLL));
                checkCaughtUp();
                if (waiting) {
                    pause(retry.delayAfter(failures).toMillis());
                }
            } catch (WakeupException e) {
                // close() woke us up; the loop condition ends the thread
            } catch (RuntimeException e) {
                status = "retrying after error: " + e.getClass().getSimpleName();
                LOG.warnf("Reading %s failed (%s); retrying", topic, e.getMessage());
                resetConsumer();
                sleep(RETRY_MILLIS);
            }
        }
        resetConsumer();
        deadLetters.close();
    }

    private KafkaConsumer<byte[], byte[]> newConsumer() {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, consumerName + "-client-features-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        // only what the producer committed, in case it ever writes transactionally
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putIfAbsent(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Picks up the topic's partitions at start, when the topic appears later, and when partitions are added. */
    private void refreshAssignment() {
        long now = System.currentTimeMillis();
        if (now < nextPartitionCheck) {
            return;
        }
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        LOG.debugf("Partitions of %s: %s", topic, infos);
        Set<TopicPartition> current = new HashSet<>();
        if (infos != null) {
            infos.forEach(info -> current.add(new TopicPartition(topic, info.partition())));
        }
        nextPartitionCheck = now + (current.isEmpty() ? EMPTY_TOPIC_RECHECK_MILLIS : PARTITION_RECHECK_MILLIS);
        if (replayTarget == null) {
            // the end offsets seen now are what "caught up" means; an absent topic has nothing to replay
            replayTarget = current.isEmpty() ? Map.of() : consumer.endOffsets(current);
            status = current.isEmpty() ? "topic absent" : "replaying";
        }
        Set<TopicPartition> added = new HashSet<>(current);
        added.removeAll(assigned);
        if (!added.isEmpty()) {
            assigned.addAll(added);
            consumer.assign(assigned);
            consumer.seekToBeginning(added);
            LOG.infof("Reading %s from the beginning of %d partition(s)", topic, added.size());
        }
    }

    /**
     * Applies each partition's records in order; a partition whose record fails is set back to it (the next poll
     * returns it again) and the rest of its records wait. @return whether a partition waits at a failed record
     */
    private boolean applyInOrder(ConsumerRecords<byte[], byte[]> records) {
        boolean waiting = false;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                if (!applied(record)) {
                    consumer.seek(partition, record.offset());
                    waiting = true;
                    break;
                }
            }
        }
        return waiting;
    }

    private boolean applied(ConsumerRecord<byte[], byte[]> record) {
        try {
            switch (ClientFeaturesRecord.interpret(record.key(), record.value())) {
                case ClientFeaturesRecord.Replace replace -> overrides.replace(replace.clientId(), replace.overrides());
                case ClientFeaturesRecord.Clear clear -> overrides.clear(clear.clientId());
                case ClientFeaturesRecord.Poison poison -> deadLetters.publish(record, poison.reason());
            }
        } catch (WakeupException e) {
            throw e;
        } catch (RuntimeException e) {
            failures++;
            status = "retrying " + record.topic() + "-" + record.partition() + "@" + record.offset() + ": "
                    + e.getClass().getSimpleName();
            if (isTransient(e)) {
                LOG.warnf("%s-%d@%d: transient failure (attempt %d), the record is retried in place: %s", record.topic(),
                        record.partition(), record.offset(), failures, e.toString());
            } else {
                LOG.errorf(e, "%s-%d@%d: unexpected failure (attempt %d); the record is not poison, so it is retried "
                        + "in place and its partition waits", record.topic(), record.partition(), record.offset(),
                        failures);
            }
            return false;
        }
        if (failures > 0) {
            LOG.infof("%s-%d@%d applied after %d failed attempt(s)", record.topic(), record.partition(), record.offset(),
                    failures);
            failures = 0;
            status = caughtUp ? "caught up" : "replaying";
        }
        return true;
    }

    /** Kafka away or slow (the dead-letter topic could not be written in time): passes by itself. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof RetriableException || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Sleeps, but not past {@link #close()}. */
    private void pause(long millis) {
        long until = System.currentTimeMillis() + millis;
        while (!closed && System.currentTimeMillis() < until) {
            sleep(Math.min(100, until - System.currentTimeMillis()));
        }
    }

    private void checkCaughtUp() {
        if (caughtUp || replayTarget == null) {
            return;
        }
        for (Map.Entry<TopicPartition, Long> target : replayTarget.entrySet()) {
            if (consumer.position(target.getKey()) < target.getValue()) {
                return;
            }
        }
        caughtUp = true;
        status = "caught up";
        LOG.infof("Replayed %s: %d client(s) with overrides", topic, overrides.clientCount());
    }

    private void resetConsumer() {
        if (consumer != null) {
            try {
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
            } catch (RuntimeException e) {
                LOG.debug("Closing the client-features consumer failed", e);
            }
            consumer = null;
            assigned.clear();
            nextPartitionCheck = 0;
        }
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
