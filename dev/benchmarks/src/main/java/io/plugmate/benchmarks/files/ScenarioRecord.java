package io.plugmate.benchmarks.files;

import io.plugmate.events.PlugmateEvent;

/**
 * One line of a scenario file, as the replay reads it (architecture §5): the Kafka topic, the record key (the userId)
 * and the event.
 */
public record ScenarioRecord(String topic, String key, PlugmateEvent value) {
}
