package io.plugmate.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.plugmate.localinfra.KafkaBroker;

/**
 * Issue 14, whether Kafka's consumer group protocol (KIP-848, {@code group.protocol=consumer}) should replace the
 * classic one: two instances of a service, each one member per topic in one group (as every service's channels are),
 * the second joining and leaving; printed per protocol, rounds interleaved: how long until every partition is owned by
 * exactly one member again, and after a kill -9 of the broker until a record sent to each partition is read. Classic runs with
 * this library's heartbeat of 1 s; the consumer protocol takes its
 * heartbeat from the broker (group.consumer.heartbeat.interval.ms, 5 s by default and at least). Only that the group
 * settles is asserted. A fault test (own broker, ~4 min):
 * {@code ./mvnw -B -o -pl libs/service-messaging verify -Dplugmate.fault-tests=true -Dtest=GroupProtocolRebalanceTest}.
 */
@EnabledIfSystemProperty(named = "plugmate.fault-tests", matches = "true")
class GroupProtocolRebalanceTest {

    private static final int TOPICS = 4;
    private static final int PARTITIONS = 6;
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static KafkaBroker broker;

    /** One member polling on its own thread, knowing which partitions it owns. */
    private static final class Member {
        private final Set<TopicPartition> owned = ConcurrentHashMap.newKeySet();
        /** The records of this member's own group read after the broker's restart (topic, partition, offset). */
        private final Set<String> received = ConcurrentHashMap.newKeySet();
        private final Thread thread;
        private volatile boolean running = true;

        Member(String bootstrap, String protocol, String group, String topic) {
            Map<String, Object> config = new HashMap<>(Map.of("bootstrap.servers", bootstrap, "group.id", group,
                    "group.protocol", protocol, "enable.auto.commit", "false", "auto.offset.reset", "earliest"));
            if (protocol.equals("classic")) {
                config.put("heartbeat.interval.ms", "1000");
            }
            thread = Thread.ofPlatform().start(() -> {
                try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                        new StringDeserializer())) {
                    consumer.subscribe(List.of(topic), new ConsumerRebalanceListener() {
                        @Override
                        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                            owned.removeAll(partitions);
                        }

                        @Override
                        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                            owned.addAll(partitions);
                        }

                        @Override
                        public void onPartitionsLost(Collection<TopicPartition> partitions) {
                            owned.removeAll(partitions);
                        }
                    });
                    while (running) {
                        for (var record : consumer.poll(Duration.ofMillis(100))) {
                            if (group.equals(record.value())) {
                                received.add(record.topic() + "/" + record.partition() + "/" + record.offset());
                            }
                        }
                    }
                }
            });
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    private static List<Member> instance(String bootstrap, String protocol, String group) {
        List<Member> members = new ArrayList<>();
        for (int t = 0; t < TOPICS; t++) {
            members.add(new Member(bootstrap, protocol, group, "t" + t));
        }
        return members;
    }

    /** Every partition owned by exactly one member of these instances (and each instance owning some). */
    private static boolean settled(List<List<Member>> instances) {
        Set<TopicPartition> all = new HashSet<>();
        int owned = 0;
        for (List<Member> instance : instances) {
            int ofInstance = 0;
            for (Member member : instance) {
                all.addAll(member.owned);
                ofInstance += member.owned.size();
            }
            if (ofInstance == 0) {
                return false;
            }
            owned += ofInstance;
        }
        return all.size() == TOPICS * PARTITIONS && owned == all.size();
    }

    /** Distinct records read (a member without committed offsets may read one again after a rebalance). */
    private static int received(List<Member> first, List<Member> second) {
        Set<String> all = new HashSet<>();
        for (List<Member> instance : List.of(first, second)) {
            instance.forEach(member -> all.addAll(member.received));
        }
        return all.size();
    }

    /** One record to every partition, once the restarted broker takes them; the value names the group it is for. */
    private static void send(String bootstrap, String group) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.<String, Object> of("bootstrap.servers",
                bootstrap), new StringSerializer(), new StringSerializer())) {
            for (int t = 0; t < TOPICS; t++) {
                for (int p = 0; p < PARTITIONS; p++) {
                    producer.send(new ProducerRecord<>("t" + t, p, null, group)).get();
                }
            }
        }
    }

    private static double secondsUntil(long started, BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - started).as("settled within " + PATIENCE).isLessThan(PATIENCE.toNanos());
            Thread.sleep(20);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    @Test
    void measuresTheRebalanceWhenAnInstanceJoinsAndLeavesWithEitherProtocol() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path data = Files.createTempDirectory("group-protocol");
        broker = KafkaBroker.startPersistent(port, data, Path.of("target", "infra-logs", "group-protocol.log"));
        try {
            String bootstrap = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.<String, Object> of("bootstrap.servers", bootstrap))) {
                List<NewTopic> topics = new ArrayList<>();
                for (int t = 0; t < TOPICS; t++) {
                    topics.add(new NewTopic("t" + t, PARTITIONS, (short) 1));
                }
                admin.createTopics(topics).all().get();
            }
            for (int round = 0; round < 2; round++) {
                for (String protocol : List.of("classic", "consumer")) {
                    String group = protocol + "-" + round;
                    long started = System.nanoTime();
                    List<Member> first = instance(bootstrap, protocol, group);
                    double alone = secondsUntil(started, () -> settled(List.of(first)));
                    started = System.nanoTime();
                    List<Member> second = instance(bootstrap, protocol, group);
                    double joined = secondsUntil(started, () -> settled(List.of(first, second)));
                    // kill -9 of the broker, started again on its port and data: every member rejoins
                    started = System.nanoTime();
                    ProcessHandle.of(broker.pid()).ifPresent(ProcessHandle::destroyForcibly);
                    broker.close();
                    broker = KafkaBroker.startPersistent(port, data, Path.of("target", "infra-logs",
                            "group-protocol-again.log"));
                    double brokerUp = (System.nanoTime() - started) / 1e9;
                    send(bootstrap, group);
                    double rejoined = secondsUntil(started, () -> received(first, second) == TOPICS * PARTITIONS);
                    started = System.nanoTime();
                    for (Member member : second) {
                        member.stop();
                    }
                    double left = secondsUntil(started, () -> settled(List.of(first)));
                    System.out.printf("[group-protocol] %-8s round %d: first instance settled %.1f s; second joined, "
                            + "both settled %.1f s; broker killed and started again (up after %.1f s), every partition's "
                            + "new record read %.1f s after the kill; second closed, the first owns every partition %.1f s after the "
                            + "close began%n", protocol, round, alone, joined, brokerUp, rejoined, left);
                    for (Member member : first) {
                        member.stop();
                    }
                }
            }
        } finally {
            broker.close();
        }
    }
}
