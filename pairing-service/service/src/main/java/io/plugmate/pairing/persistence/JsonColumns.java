package io.plugmate.pairing.persistence;

import java.util.List;

import jakarta.persistence.AttributeConverter;

import org.hibernate.annotations.Immutable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.plugmate.events.EventJson;
import io.plugmate.events.Evidence;

/**
 * Lists kept as JSON text. Text rather than jsonb: Hibernate Reactive hands jsonb to the PostgreSQL client as Vert.x
 * JSON values, and these lists are only ever served back, never queried into.
 * <p>
 * Each converter is {@link Immutable}: its values are never changed in place (records and unmodifiable lists), so
 * Hibernate keeps the loaded value itself as the entity's snapshot. Without it, Hibernate copies every converted value
 * it loads by writing it to JSON and reading it back, and does so again at each flush.
 */
public final class JsonColumns {

    private JsonColumns() {
    }

    @Immutable
    public static final class EvidenceList implements AttributeConverter<List<Evidence>, String> {

        private static final TypeReference<List<Evidence>> TYPE = new TypeReference<>() {
        };

        @Override
        public String convertToDatabaseColumn(List<Evidence> evidence) {
            return write(evidence == null ? List.of() : evidence);
        }

        @Override
        public List<Evidence> convertToEntityAttribute(String json) {
            return read(json, TYPE);
        }
    }

    @Immutable
    public static final class StringList implements AttributeConverter<List<String>, String> {

        private static final TypeReference<List<String>> TYPE = new TypeReference<>() {
        };

        @Override
        public String convertToDatabaseColumn(List<String> values) {
            return write(values == null ? List.of() : values);
        }

        @Override
        public List<String> convertToEntityAttribute(String json) {
            return read(json, TYPE);
        }
    }

    private static String write(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a list column", e);
        }
    }

    private static <T> List<T> read(String json, TypeReference<List<T>> type) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return List.copyOf(EventJson.mapper().readValue(json, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a list column", e);
        }
    }
}
