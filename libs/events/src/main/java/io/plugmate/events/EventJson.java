package io.plugmate.events;

import java.io.UncheckedIOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON shape of events: ISO-8601 instants, nulls kept (null means "unknown"), unknown fields tolerated. */
public final class EventJson {

    private static final ObjectMapper MAPPER = configure(new ObjectMapper());

    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Applies the event conventions to a mapper someone else owns (e.g. the one Quarkus produces). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        return mapper.registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .setSerializationInclusion(JsonInclude.Include.ALWAYS);
    }

    public static String write(PlugmateEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @throws InvalidEventException when the text is not JSON, names an unknown type or lacks required structure; the
     *         message is safe to put into a DLQ reason header
     */
    public static <T extends PlugmateEvent> T read(String json, Class<T> type) {
        try {
            PlugmateEvent event = MAPPER.readValue(json, PlugmateEvent.class);
            requireEnvelope(event);
            if (!type.isInstance(event)) {
                throw new InvalidEventException("expected " + type.getSimpleName() + " but got " + event.type());
            }
            return type.cast(event);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(e.getOriginalMessage());
        }
    }

    private static void requireEnvelope(PlugmateEvent event) {
        if (event.eventId() == null) {
            throw new InvalidEventException(event.type() + " without eventId");
        }
        if (event.clientId() == null || event.clientId().isBlank()) {
            throw new InvalidEventException(event.type() + " without clientId");
        }
        if (event.occurredAt() == null) {
            throw new InvalidEventException(event.type() + " without occurredAt");
        }
    }
}
