package io.plugmate.orchestration.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.plugmate.events.EventJson;
import io.plugmate.orchestration.domain.Plan;

/** JSON text columns, written with the events' conventions (ISO-8601 instants, nulls kept). */
public final class JsonColumns {

    private JsonColumns() {
    }

    @Converter
    public static class PlanColumn implements AttributeConverter<Plan, String> {

        @Override
        public String convertToDatabaseColumn(Plan plan) {
            return write(plan);
        }

        @Override
        public Plan convertToEntityAttribute(String json) {
            return read(json, Plan.class);
        }
    }

    public static String write(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            // where, not what: never quote stored content into a log or an error
            throw new IllegalStateException("stored " + type.getSimpleName() + " cannot be read: "
                    + e.getClass().getSimpleName());
        }
    }
}
