package io.plugmate.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** How a scale run's events are compared with the baseline's: by what they say, redeliveries told apart. */
class EventTrailTest {

    private static EventTrail.Entry entry(String id, String subject, String what) {
        return new EventTrail.Entry(UUID.nameUUIDFromBytes(id.getBytes()), subject, what);
    }

    private static final List<EventTrail.Entry> BASELINE = List.of(entry("1", "pair-a", "PairActivated at report 4"),
            entry("2", "pair-b", "PairActivated at report 4"), entry("3", "pair-a", "PairDeactivated at report 14"));

    @Test
    void theSameEventsInAnotherPartitionInterleavingAreTheSame() {
        List<EventTrail.Entry> run = List.of(BASELINE.get(1), BASELINE.get(0), BASELINE.get(2));
        EventTrail.Compared compared = EventTrail.compare(BASELINE, run);
        assertThat(compared).isEqualTo(new EventTrail.Compared(3, 3, 0, 0, 0, 0));
        assertThat(compared.same()).isTrue();
    }

    @Test
    void aRecordOfAnEventIdAlreadySeenIsARedeliveryNotADuplicate() {
        List<EventTrail.Entry> run = new ArrayList<>(BASELINE);
        run.add(BASELINE.get(0));
        EventTrail.Compared compared = EventTrail.compare(BASELINE, run);
        assertThat(compared).isEqualTo(new EventTrail.Compared(3, 4, 1, 0, 0, 0));
        assertThat(compared.same()).isTrue();
    }

    @Test
    void theSameDecisionUnderAnotherEventIdIsExtraAndAMissingOneIsLost() {
        List<EventTrail.Entry> run = List.of(BASELINE.get(0), entry("9", "pair-a", "PairActivated at report 4"),
                BASELINE.get(2));
        EventTrail.Compared compared = EventTrail.compare(BASELINE, run);
        assertThat(compared.lost()).isEqualTo(1); // pair-b's activation
        assertThat(compared.extra()).isEqualTo(1); // pair-a's activation twice
        assertThat(compared.same()).isFalse();
    }

    @Test
    void oneSubjectsEventsInAnotherOrderAreReordered() {
        List<EventTrail.Entry> run = List.of(BASELINE.get(2), BASELINE.get(1), BASELINE.get(0));
        EventTrail.Compared compared = EventTrail.compare(BASELINE, run);
        assertThat(compared.reordered()).isEqualTo(1);
        assertThat(compared.lost() + compared.extra()).isZero();
    }

    @Test
    void aDeviceWhoseLaterReportCameFirstIsOutOfReportOrder() {
        List<EventTrail.Entry> inOrder = List.of(entry("a1", "car-a", "report 0"), entry("b1", "car-b", "report 0"),
                entry("a2", "car-a", "report 2"), entry("a2", "car-a", "report 2"), entry("b2", "car-b", "report 2"));
        assertThat(EventTrail.outOfReportOrder(inOrder)).isZero();
        List<EventTrail.Entry> swapped = List.of(entry("a2", "car-a", "report 2"), entry("a1", "car-a", "report 0"),
                entry("b1", "car-b", "report 0"), entry("b2", "car-b", "report 2"));
        assertThat(EventTrail.outOfReportOrder(swapped)).isEqualTo(1);
    }

    @Test
    void aReportKeyIsTheUserAndTheInstantToTheMicrosecond() {
        Instant due = Instant.parse("2026-12-06T02:30:00.123456789Z");
        assertThat(EventTrail.key("u", due)).isEqualTo(EventTrail.key("u", Instant.parse(
                "2026-12-06T02:30:00.123456Z")));
        assertThat(EventTrail.key("u", due)).isNotEqualTo(EventTrail.key("v", due));
    }

    @Test
    void scaleComparesWithABaselineAndRunsEveryStep() {
        LoadOptions options = LoadOptions.parse(new String[] { "scale", "--intake", "webhooks", "--runs", "one,kill",
                "--jvm-opts", "-Xmx64m" });
        assertThat(options.services()).containsExactly("vehicle-service", "charger-service");
        assertThat(options.allSteps()).isTrue();
        assertThat(options.webhooks()).isTrue();
        assertThat(options.scaleRuns()).containsExactly("one", "kill");
        assertThatThrownBy(() -> LoadOptions.parse(new String[] { "scale", "--runs", "two,kill", "--jvm-opts",
                "-Xmx64m" })).hasMessageContaining("needs one");
    }
}
