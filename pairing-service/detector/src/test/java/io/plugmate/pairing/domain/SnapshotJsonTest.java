package io.plugmate.pairing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.plugmate.events.EventJson;
import io.plugmate.events.GeoLocation;
import io.plugmate.events.PairEvent;
import io.plugmate.events.PlugmateEvent;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The stored form of a detector (ADR 0020): reports as arrays, everything read back exactly, the old form too. */
class SnapshotJsonTest {

    @Property(tries = 100)
    void aSnapshotReadBackFromItsJsonContinuesExactlyLikeTheOriginal(@ForAll long seed,
            @ForAll @IntRange(min = 0, max = 99) int cutPercent) throws JsonProcessingException {
        List<PlugmateEvent> events = RandomHousehold.events(RandomHousehold.generate(seed));
        int cut = events.size() * cutPercent / 100;
        UserDetector original = UserDetector.start(Feed.CLIENT, Feed.USER, DetectorSettings.defaults());
        events.subList(0, cut).forEach(e -> original.accept(e, true, null));
        DetectorSnapshot snapshot = original.snapshot();

        DetectorSnapshot read = SnapshotJson.read(SnapshotJson.write(snapshot));
        // the form before ADR 0020 (reports as objects, the events' own mapper) reads into the same state
        DetectorSnapshot old = SnapshotJson.read(EventJson.mapper().writeValueAsString(snapshot));

        assertThat(read).isEqualTo(snapshot);
        assertThat(old).isEqualTo(snapshot);
        UserDetector restored = UserDetector.restore(read, DetectorSettings.defaults());
        List<PairEvent> fromOriginal = new ArrayList<>();
        List<PairEvent> fromRestored = new ArrayList<>();
        for (PlugmateEvent e : events.subList(cut, events.size())) {
            fromOriginal.addAll(original.accept(e, true, null).events());
            fromRestored.addAll(restored.accept(e, true, null).events());
        }
        assertThat(fromRestored).isEqualTo(fromOriginal);
    }

    @Property(tries = 30)
    void aHeldDetectorWrittenWithItsLastReportTextsIsWrittenExactlyAsInFull(@ForAll long seed)
            throws JsonProcessingException {
        List<PlugmateEvent> events = RandomHousehold.events(RandomHousehold.generate(seed));
        UserDetector detector = UserDetector.start(Feed.CLIENT, Feed.USER, DetectorSettings.defaults());
        ReportTexts texts = ReportTexts.NONE;
        for (PlugmateEvent e : events) {
            detector.accept(e, true, null);
            DetectorSnapshot snapshot = detector.snapshot();

            SnapshotJson.Written written = SnapshotJson.write(snapshot, texts);

            assertThat(written.json()).isEqualTo(SnapshotJson.write(snapshot));
            assertThat(written.reports().size()).isEqualTo(reports(snapshot).size());
            texts = written.reports();
        }
    }

    /** Kept reports are copied from the last write; only the new ones, and those the write did not hold, are formatted. */
    @Test
    void onlyReportsTheLastWriteDidNotHoldAreFormatted() throws Exception {
        Instant at = Instant.parse("2026-03-02T16:00:00Z");
        Observation a = new Observation(at, true, false, 7.25, null);
        Observation b = new Observation(at.plusSeconds(60), true, true, 7.5, new GeoLocation(59.91, 10.75));
        Observation c = new Observation(at.plusSeconds(120), false, false, null, null);
        Observation d = new Observation(at.plusSeconds(180), true, false, 0.0, null);
        Observation equalToC = new Observation(c.observedAt(), c.plugged(), c.charging(), c.rateKw(), c.location());
        ReportTexts earlier = SnapshotJson.write(withReports(a, b, c), ReportTexts.NONE).reports();
        List<Observation> formatted = new ArrayList<>();
        ReportTexts.Formatter counting = report -> {
            formatted.add(report);
            return "[" + report.observedAt().toEpochMilli() + "]";
        };

        // b thinned out, c replaced by an equal report, d new
        String text = new ReportTexts.Writing(earlier).reportsText("v", List.of(a, equalToC, d), counting);

        assertThat(formatted).containsExactly(equalToC, d);
        assertThat(text).isEqualTo("[[" + at.toEpochMilli() + ",true,false,7.25],[" + c.observedAt().toEpochMilli()
                + "],[" + d.observedAt().toEpochMilli() + "]]");
        // another device's reports are not taken for this one's
        formatted.clear();
        new ReportTexts.Writing(earlier).reportsText("other", List.of(a), counting);
        assertThat(formatted).containsExactly(a);
    }

    private static List<Observation> reports(DetectorSnapshot snapshot) {
        return snapshot.devices().stream().flatMap(d -> d.reports().stream()).toList();
    }

    @Test
    void aReportIsAnArrayWithItsTimeInMillisecondsAndNothingIsLost() throws JsonProcessingException {
        Instant millis = Instant.parse("2026-03-02T16:00:00.123Z");
        Instant nanos = Instant.parse("2026-03-02T16:00:01.123456789Z");
        DetectorSnapshot snapshot = withReports(new Observation(millis, true, false, 7.25, new GeoLocation(59.91, 10.75)),
                new Observation(nanos, null, null, null, null));

        String json = SnapshotJson.write(snapshot);

        assertThat(json).contains("\"reports\":[[" + millis.toEpochMilli() + ",true,false,7.25,59.91,10.75],"
                + "[\"2026-03-02T16:00:01.123456789Z\",null,null,null]]");
        assertThat(SnapshotJson.read(json)).isEqualTo(snapshot);
    }

    @Test
    void anUnreadableReportFailsWithoutQuotingIt() {
        String json = """
                {"clientId":"c","userId":"u","sequence":0,"devices":[{"id":"v","type":"vehicle","linked":true,
                "reports":[["secret-telemetry",true,true,null]]}],"removed":[],"pairs":[]}""";
        assertThatThrownBy(() -> SnapshotJson.read(json)).isInstanceOf(JsonProcessingException.class)
                .satisfies(e -> assertThat(((JsonProcessingException) e).getOriginalMessage())
                        .doesNotContain("secret-telemetry"));
    }

    private static DetectorSnapshot withReports(Observation... reports) {
        DetectorSnapshot.Device vehicle = new DetectorSnapshot.Device("v", io.plugmate.events.DeviceType.VEHICLE, true,
                List.of(reports), List.of(), List.of(), false, List.of());
        return new DetectorSnapshot("c", "u", 0, null, List.of(vehicle), List.of(), List.of(), List.of());
    }
}
