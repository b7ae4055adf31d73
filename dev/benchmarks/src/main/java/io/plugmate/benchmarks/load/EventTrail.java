package io.plugmate.benchmarks.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.EventJson;
import io.plugmate.events.PairEvent;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.events.VehicleStateObserved;

/**
 * What one {@code scale} run left on the topics, in a form that does not depend on the wall clock: every pair event as
 * (pair, type, the household's report it was decided on), every state event as (device, its report), each with its
 * {@code eventId}. The reports' event times are their due times, which differ from run to run; the benchmark remembers
 * which household report each due time belongs to ({@link #key}), and a state event's {@code occurredAt} (the device
 * service's own stamp, on the webhook path) is mapped through its {@code observedAt}, so a pair event stamped with either
 * finds its report.
 */
record EventTrail(List<Entry> pairEvents, List<Entry> stateEvents) {

    /** One record: its event id, whose it is (pair or device), and what it says (type and report). */
    record Entry(UUID eventId, String subject, String what) {
    }

    /**
     * How a run's records compare with the baseline's. {@code redelivered}: records whose event id came before in the
     * same run (the relay's at-least-once; the consumers' inboxes skip them); over the distinct events, {@code lost}
     * and {@code extra} (subject, what) against the baseline's; {@code reordered}: subjects whose events are the same
     * but came in another order.
     */
    record Compared(long baseline, long records, long redelivered, long lost, long extra, long reordered) {

        boolean same() {
            return lost == 0 && extra == 0 && reordered == 0;
        }
    }

    /** A report's key: the user and the instant to the microsecond (the services keep event times to the µs). */
    static String key(String user, Instant at) {
        return user + "@" + (at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000);
    }

    static Compared compare(List<Entry> baseline, List<Entry> run) {
        List<Entry> distinctBaseline = distinct(baseline);
        List<Entry> distinctRun = distinct(run);
        Map<String, Integer> counts = new HashMap<>();
        distinctBaseline.forEach(e -> counts.merge(e.subject() + "\u001f" + e.what(), 1, Integer::sum));
        distinctRun.forEach(e -> counts.merge(e.subject() + "\u001f" + e.what(), -1, Integer::sum));
        long lost = counts.values().stream().filter(c -> c > 0).mapToLong(Integer::longValue).sum();
        long extra = -counts.values().stream().filter(c -> c < 0).mapToLong(Integer::longValue).sum();
        Map<String, List<String>> before = bySubject(distinctBaseline);
        Map<String, List<String>> after = bySubject(distinctRun);
        long reordered = before.entrySet().stream().filter(e -> {
            List<String> other = after.getOrDefault(e.getKey(), List.of());
            return !other.equals(e.getValue()) && sorted(other).equals(sorted(e.getValue()));
        }).count();
        return new Compared(distinctBaseline.size(), run.size(), run.size() - distinctRun.size(), lost, extra,
                reordered);
    }

    /**
     * Subjects (devices, pairs) whose events, each once, do not follow the order of the reports they come from: a later
     * report's event on the topic before an earlier one's. Independent of any baseline.
     */
    static long outOfReportOrder(List<Entry> entries) {
        Map<String, Long> last = new HashMap<>();
        Set<String> out = new HashSet<>();
        for (Entry e : distinct(entries)) {
            int at = e.what().lastIndexOf("report ");
            if (at < 0) {
                continue;
            }
            long report;
            try {
                report = Long.parseLong(e.what().substring(at + "report ".length()));
            } catch (NumberFormatException notAReport) {
                continue;
            }
            Long before = last.put(e.subject(), report);
            if (before != null && before > report) {
                out.add(e.subject());
            }
        }
        return out.size();
    }

    /** Each event once, at its first appearance. */
    private static List<Entry> distinct(List<Entry> entries) {
        Set<UUID> seen = new HashSet<>();
        return entries.stream().filter(e -> seen.add(e.eventId())).toList();
    }

    private static Map<String, List<String>> bySubject(List<Entry> entries) {
        Map<String, List<String>> subjects = new LinkedHashMap<>();
        entries.forEach(e -> subjects.computeIfAbsent(e.subject(), s -> new ArrayList<>()).add(e.what()));
        return subjects;
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    /**
     * Reads {@code pair-events} and both state topics from the beginning to their present end (each partition in
     * order; a subject's records share a partition). {@code dueReports}: report keys ({@link #key}) of the due times
     * to the household's report number.
     */
    static EventTrail read(String bootstrapServers, Map<String, Long> dueReports) {
        List<PlugmateEvent> states = new ArrayList<>();
        dump(bootstrapServers, Topics.VEHICLE_STATE).forEach(states::add);
        dump(bootstrapServers, Topics.CHARGER_STATE).forEach(states::add);
        Map<String, Long> stamped = new HashMap<>(dueReports);
        List<Entry> stateEvents = new ArrayList<>();
        for (PlugmateEvent event : states) {
            String device;
            Instant observedAt;
            if (event instanceof VehicleStateObserved v) {
                device = v.vehicleId();
                observedAt = v.observedAt();
            } else if (event instanceof ChargerStateObserved c) {
                device = c.chargerId();
                observedAt = c.observedAt();
            } else {
                continue;
            }
            Long report = dueReports.get(key(event.userId(), observedAt));
            if (report != null) {
                stamped.putIfAbsent(key(event.userId(), event.occurredAt()), report);
            }
            stateEvents.add(new Entry(event.eventId(), device, report == null ? "unknown report " + observedAt
                    : "report " + report));
        }
        List<Entry> pairEvents = new ArrayList<>();
        for (PlugmateEvent event : dump(bootstrapServers, Topics.PAIR_EVENTS)) {
            if (event instanceof PairEvent pair) {
                Long report = stamped.get(key(event.userId(), event.occurredAt()));
                // PairEstablished follows the link, stamped with the wall clock of the run: no report
                pairEvents.add(new Entry(event.eventId(), pair.pairId(), event.type() + " at "
                        + (report == null ? "no report" : "report " + report)));
            }
        }
        return new EventTrail(pairEvents, stateEvents);
    }

    /** A topic's records from the beginning to its end now, partition by partition. */
    private static List<PlugmateEvent> dump(String bootstrapServers, String topic) {
        List<PlugmateEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                bootstrapServers, "key.deserializer", StringDeserializer.class.getName(), "value.deserializer",
                StringDeserializer.class.getName(), "enable.auto.commit", "false", "max.poll.records", "5000"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            for (TopicPartition partition : partitions) {
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                long end = ends.get(partition);
                while (consumer.position(partition) < end) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                        if (record.offset() < end) {
                            read(record.value(), events);
                        }
                    }
                }
            }
        }
        return events;
    }

    private static void read(String value, List<PlugmateEvent> events) {
        try {
            events.add(Objects.requireNonNull(EventJson.read(value, PlugmateEvent.class)));
        } catch (RuntimeException e) {
            // not an event of ours: nothing to compare
        }
    }
}
