package io.plugmate.messaging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.utils.Utils;

/**
 * Kafka's own partitioning of keyed records (murmur2 of the key), with a fault planted for one key: the first record
 * with that key runs the planted action during {@code send}, on the relay's sender thread, in the middle of a batch.
 * An action that throws a Kafka {@code ApiException} is what the producer reports for that record (a retriable one as
 * "broker away"), as the real broker's failures are. The relay's tests plug it in through {@code partitioner.class}.
 */
public class FaultyPartitioner implements Partitioner {

    private static final Map<String, Runnable> PLANTED = new ConcurrentHashMap<>();

    /** Runs once, at the next record with this key. */
    static void plant(String key, Runnable action) {
        PLANTED.put(key, action);
    }

    static boolean pending(String key) {
        return PLANTED.containsKey(key);
    }

    @Override
    public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes, Cluster cluster) {
        Runnable action = key == null ? null : PLANTED.remove(key.toString());
        if (action != null) {
            action.run();
        }
        int partitions = cluster.partitionsForTopic(topic).size();
        return keyBytes == null ? 0 : Utils.toPositive(Utils.murmur2(keyBytes)) % partitions;
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void close() {
    }
}
