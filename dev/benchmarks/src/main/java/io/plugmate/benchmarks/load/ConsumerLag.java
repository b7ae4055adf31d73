package io.plugmate.benchmarks.load;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * A consumer group's position on some topics, from the broker: records committed so far and the lag (end offset minus
 * committed offset). Committed offsets trail processing by up to the consumer's commit interval (a few seconds), so
 * rates computed from them are averaged over whole benchmark steps.
 */
final class ConsumerLag implements AutoCloseable {

    record Position(long committed, long end) {
        long lag() {
            return Math.max(0, end - committed);
        }
    }

    private final Admin admin;

    ConsumerLag(String bootstrapServers) {
        admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers));
    }

    Position position(String group, List<String> topics) {
        try {
            Map<TopicPartition, Long> ends = ends(topics);
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            long done = 0;
            long end = 0;
            for (var e : ends.entrySet()) {
                end += e.getValue();
                OffsetAndMetadata c = committed.get(e.getKey());
                done += c == null ? 0 : c.offset();
            }
            return new Position(done, end);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the offsets of " + group + " on " + topics, e);
        }
    }

    /** Records on the topics so far (the sum of their partitions' end offsets), whoever reads them. */
    long records(List<String> topics) {
        try {
            return ends(topics).values().stream().mapToLong(Long::longValue).sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topics, e);
        }
    }

    /** Records on every topic of the broker so far (its own {@code __} topics left out), by topic. */
    Map<String, Long> recordsByTopic() {
        try {
            List<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(name -> !name.startsWith("__")).sorted().toList();
            return ends(topics).entrySet().stream().collect(Collectors.groupingBy(e -> e.getKey().topic(),
                    TreeMap::new, Collectors.summingLong(Map.Entry::getValue)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of the topics", e);
        }
    }

    private Map<TopicPartition, Long> ends(List<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames()
                .get(10, TimeUnit.SECONDS).values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void close() {
        admin.close();
    }
}
