package io.plugmate.pairing.replay;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.plugmate.events.EventJson;
import io.plugmate.events.InvalidEventException;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;

/** One JSONL line of a replay file: {@code {"topic": "...", "key": "...", "value": {event}}}. */
record ReplayRecord(String topic, String key, PlugmateEvent value) {

    static final Set<String> TOPICS = Set.of(Topics.DEVICE_LIFECYCLE, Topics.VEHICLE_STATE, Topics.CHARGER_STATE);

    /** @throws InvalidEventException with a reason fit for a person reading the replay's warnings */
    static ReplayRecord parse(String line) {
        JsonNode node;
        try {
            node = EventJson.mapper().readTree(line);
        } catch (Exception e) {
            throw new InvalidEventException("not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidEventException("not a JSON object");
        }
        String topic = node.path("topic").asText(null);
        if (topic == null || !TOPICS.contains(topic)) {
            throw new InvalidEventException("topic must be one of " + TOPICS + ", was " + topic);
        }
        JsonNode value = node.get("value");
        if (value == null || !value.isObject()) {
            throw new InvalidEventException("no \"value\" object");
        }
        PlugmateEvent event = EventJson.read(value.toString(), PlugmateEvent.class);
        String key = node.path("key").asText(null);
        if (key != null && event.userId() != null && !key.equals(event.userId())) {
            throw new InvalidEventException("key " + key + " is not the event's userId " + event.userId());
        }
        return new ReplayRecord(topic, key, event);
    }
}
