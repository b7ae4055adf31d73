package io.plugmate.statistics.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.AttributeConverter;

import org.hibernate.annotations.Immutable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import io.plugmate.events.EventJson;
import io.plugmate.statistics.domain.Attribution;
import io.plugmate.statistics.domain.CrossCheck;
import io.plugmate.statistics.domain.EnergyProfile;
import io.plugmate.statistics.domain.Gap;

/**
 * Structured columns kept as JSON text (with the events' mapper: ISO-8601 instants). Text rather than jsonb: they are
 * served back or read whole, never queried into.
 * <p>
 * Each converter is {@link Immutable}: its values are never changed in place (records, unmodifiable lists and
 * {@link EnergyProfile}), so Hibernate keeps the loaded value itself as the entity's snapshot. Without it, Hibernate
 * copies every converted value it loads by writing it to JSON and reading it back, and does so again at each flush.
 * Each converter class says so itself: Hibernate looks at the class, not at its superclass.
 */
public final class JsonColumns {

    private JsonColumns() {
    }

    @Immutable
    public static final class Gaps extends ListColumn<Gap> {
        public Gaps() {
            super(new TypeReference<>() {
            });
        }
    }

    @Immutable
    public static final class Attributions extends ListColumn<Attribution> {
        public Attributions() {
            super(new TypeReference<>() {
            });
        }
    }

    @Immutable
    public static final class Candidates extends ListColumn<Attribution.Candidate> {
        public Candidates() {
            super(new TypeReference<>() {
            });
        }
    }

    @Immutable
    public static final class Strings extends ListColumn<String> {
        public Strings() {
            super(new TypeReference<>() {
            });
        }
    }

    @Immutable
    public static final class CrossChecks implements AttributeConverter<CrossCheck, String> {
        @Override
        public String convertToDatabaseColumn(CrossCheck value) {
            return value == null ? null : write(value);
        }

        @Override
        public CrossCheck convertToEntityAttribute(String json) {
            return json == null ? null : read(json, new TypeReference<CrossCheck>() {
            });
        }
    }

    /** A profile as {@code [[epochSecond, kWh], …]}: compact, and exact for the doubles it holds. */
    @Immutable
    public static final class Profiles implements AttributeConverter<EnergyProfile, String> {
        @Override
        public String convertToDatabaseColumn(EnergyProfile profile) {
            List<double[]> rows = new ArrayList<>();
            for (EnergyProfile.Slot s : (profile == null ? EnergyProfile.EMPTY : profile).slots()) {
                rows.add(new double[] { s.start().getEpochSecond(), s.kwh() });
            }
            return write(rows);
        }

        @Override
        public EnergyProfile convertToEntityAttribute(String json) {
            if (json == null || json.isBlank()) {
                return EnergyProfile.EMPTY;
            }
            List<double[]> rows = read(json, new TypeReference<List<double[]>>() {
            });
            List<EnergyProfile.Slot> slots = new ArrayList<>(rows.size());
            for (double[] row : rows) {
                slots.add(new EnergyProfile.Slot(Instant.ofEpochSecond((long) row[0]), row[1]));
            }
            return EnergyProfile.of(slots);
        }
    }

    abstract static class ListColumn<T> implements AttributeConverter<List<T>, String> {
        private final TypeReference<List<T>> type;

        ListColumn(TypeReference<List<T>> type) {
            this.type = type;
        }

        @Override
        public String convertToDatabaseColumn(List<T> values) {
            return write(values == null ? List.of() : values);
        }

        @Override
        public List<T> convertToEntityAttribute(String json) {
            return json == null || json.isBlank() ? List.of() : List.copyOf(read(json, type));
        }
    }

    static String write(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON column", e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a JSON column", e);
        }
    }
}
