package io.plugmate.pairing.domain;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.plugmate.events.EventJson;
import io.plugmate.events.GeoLocation;

/**
 * The stored form of a {@link DetectorSnapshot} (ADR 0020): the event conventions ({@link EventJson}), except that a
 * device's reports — nine in ten characters of a snapshot — are written as arrays, {@code [observedAt, plugged,
 * charging, rateKw]} or, with a position, {@code [observedAt, plugged, charging, rateKw, latitude, longitude]}, with
 * {@code observedAt} in epoch milliseconds (an ISO-8601 string when it has a finer fraction, so nothing is lost).
 * Reports stored as objects (before ADR 0020) are still read. One mapper for everyone who stores or measures a
 * snapshot: pairing-service and the snapshot benchmark. A detector's next snapshot can be written with the texts of the
 * reports of its last one ({@link #write(DetectorSnapshot, ReportTexts)}): only new reports are formatted.
 */
public final class SnapshotJson {

    private static final ObjectMapper MAPPER = EventJson.mapper().copy()
            .registerModule(new SimpleModule("detector-snapshot")
                    .addSerializer(Observation.class, new ReportWriter())
                    .addDeserializer(Observation.class, new ReportReader()))
            .addMixIn(DetectorSnapshot.Device.class, DeviceReports.class);
    private static final ObjectWriter WRITER = MAPPER.writer();

    private SnapshotJson() {
    }

    /** A snapshot's stored text, and the text of each of its reports for the next write of the same detector. */
    public record Written(String json, ReportTexts reports) {
    }

    public static String write(DetectorSnapshot snapshot) throws JsonProcessingException {
        return MAPPER.writeValueAsString(snapshot);
    }

    /**
     * The snapshot's stored text, the same as {@link #write(DetectorSnapshot)}, with each report whose text
     * {@code earlier} holds copied from there rather than formatted again.
     */
    public static Written write(DetectorSnapshot snapshot, ReportTexts earlier) throws JsonProcessingException {
        ReportTexts.Writing writing = new ReportTexts.Writing(earlier);
        String json = WRITER.withAttribute(ReportTexts.Writing.class, writing).writeValueAsString(snapshot);
        return new Written(json, writing.done());
    }

    /** One report's stored text (an array), as a snapshot holds it. */
    private static String reportText(Observation report) throws JsonProcessingException {
        return MAPPER.writeValueAsString(report);
    }

    public static DetectorSnapshot read(String json) throws JsonProcessingException {
        return MAPPER.readValue(json, DetectorSnapshot.class);
    }

    /** Where a device's reports go through {@link ReportsWriter}. */
    private interface DeviceReports {
        @JsonSerialize(using = ReportsWriter.class)
        List<Observation> reports();
    }

    /**
     * A device's reports: in a write with the last write's texts, as one array copied where it can be; otherwise each
     * report by {@link ReportWriter}.
     */
    private static final class ReportsWriter extends JsonSerializer<List<Observation>> {

        @Override
        public void serialize(List<Observation> reports, JsonGenerator out, SerializerProvider serializers)
                throws IOException {
            if (serializers.getAttribute(ReportTexts.Writing.class) instanceof ReportTexts.Writing writing
                    && out.currentValue() instanceof DetectorSnapshot.Device device) {
                out.writeRawValue(writing.reportsText(device.id(), reports, SnapshotJson::reportText));
                return;
            }
            JsonSerializer<Object> each = serializers.findValueSerializer(Observation.class);
            out.writeStartArray();
            for (Observation report : reports) {
                each.serialize(report, out, serializers);
            }
            out.writeEndArray();
        }
    }

    private static final class ReportWriter extends JsonSerializer<Observation> {

        @Override
        public void serialize(Observation report, JsonGenerator out, SerializerProvider serializers)
                throws IOException {
            out.writeStartArray();
            Instant at = report.observedAt();
            if (at.getNano() % 1_000_000 == 0) {
                out.writeNumber(at.toEpochMilli());
            } else {
                out.writeString(at.toString());
            }
            writeFlag(out, report.plugged());
            writeFlag(out, report.charging());
            if (report.rateKw() == null) {
                out.writeNull();
            } else {
                out.writeNumber(report.rateKw());
            }
            if (report.location() != null) {
                out.writeNumber(report.location().latitude());
                out.writeNumber(report.location().longitude());
            }
            out.writeEndArray();
        }

        private static void writeFlag(JsonGenerator out, Boolean flag) throws IOException {
            if (flag == null) {
                out.writeNull();
            } else {
                out.writeBoolean(flag);
            }
        }
    }

    private static final class ReportReader extends JsonDeserializer<Observation> {

        @Override
        public Observation deserialize(JsonParser in, DeserializationContext context) throws IOException {
            if (!in.isExpectedStartArrayToken()) {
                return fromObject(in.readValueAsTree(), context);
            }
            in.nextToken();
            Instant at = observedAt(in, context);
            Boolean plugged = flag(in.nextToken(), context);
            Boolean charging = flag(in.nextToken(), context);
            Double rateKw = in.nextToken() == JsonToken.VALUE_NULL ? null : in.getDoubleValue();
            GeoLocation location = null;
            if (in.nextToken() != JsonToken.END_ARRAY) {
                double latitude = in.getDoubleValue();
                in.nextToken();
                location = new GeoLocation(latitude, in.getDoubleValue());
                if (in.nextToken() != JsonToken.END_ARRAY) {
                    return context.reportInputMismatch(Observation.class, "a report of more than six values");
                }
            }
            return new Observation(at, plugged, charging, rateKw, location);
        }

        private static Instant observedAt(JsonParser in, DeserializationContext context) throws IOException {
            if (in.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return Instant.ofEpochMilli(in.getLongValue());
            }
            try {
                return Instant.parse(in.getText());
            } catch (DateTimeException e) {
                // not the text itself: a report is a user's telemetry
                return context.reportInputMismatch(Observation.class, "a report's observedAt is no instant");
            }
        }

        private static Boolean flag(JsonToken token, DeserializationContext context) throws IOException {
            return switch (token) {
                case VALUE_TRUE -> true;
                case VALUE_FALSE -> false;
                case VALUE_NULL -> null;
                default -> context.reportInputMismatch(Observation.class, "a report's flag is %s", token);
            };
        }

        /** A report as stored before ADR 0020: an object with the record's field names. */
        private static Observation fromObject(JsonNode report, DeserializationContext context) throws IOException {
            return new Observation(value(report, "observedAt", Instant.class, context),
                    value(report, "plugged", Boolean.class, context), value(report, "charging", Boolean.class, context),
                    value(report, "rateKw", Double.class, context),
                    value(report, "location", GeoLocation.class, context));
        }

        private static <T> T value(JsonNode report, String field, Class<T> type, DeserializationContext context)
                throws IOException {
            JsonNode node = report.get(field);
            return node == null || node.isNull() ? null : context.readTreeAsValue(node, type);
        }
    }
}
