package io.plugmate.benchmarks.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.plugmate.benchmarks.files.GroundTruth;
import io.plugmate.benchmarks.files.TruthHeader;
import io.plugmate.benchmarks.files.TruthInterval;
import io.plugmate.benchmarks.files.TruthInterval.Kind;
import io.plugmate.pairing.domain.PairState;
import io.plugmate.pairing.domain.Transition;

/**
 * A hand-made day of one household (veh-1, chg-1, a second wallbox chg-2) whose figures can be worked out on paper.
 */
class ScoringTest {

    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final Instant END = Instant.parse("2026-01-06T00:00:00Z");

    private final List<PairChange> changes = new ArrayList<>();
    private final ReportLog vehicle = new ReportLog();
    private final ReportLog charger = new ReportLog();

    @Test
    void precisionRecallAndLatencyOfAHandMadeDay() {
        List<TruthInterval> truth = List.of(
                // A: found, 30 s and 2 reports after the later device's (the charger's) first plug-in report
                home("10:00:00", "12:00:00"),
                // B: 10 minutes, never reported, ambiguous with chg-2: missed, and not a long session
                home("14:00:00", "14:10:00"),
                // a visitor's car on chg-1 while veh-1 is away
                new TruthInterval(Kind.GUEST, "guest-1", "chg-1", "hh-1", at("16:00:00"), at("17:00:00")),
                // C: an activation 3 minutes after the unplug: false (the car has gone), the session missed
                home("18:00:00", "19:00:00"));
        report(vehicle, 1, "10:00:30", "09:59:50", true); // vehicle clock 40 s behind: still this plug-in
        report(charger, 2, "10:01:00", "10:00:58", true); // the later device's first plug-in report
        report(vehicle, 3, "10:01:10", "10:00:30", true);
        report(charger, 4, "10:01:30", "10:01:28", true); // activates
        change(4, "10:01:30", "chg-1", PairState.INACTIVE, PairState.ACTIVE);
        report(charger, 5, "12:00:05", "12:00:03", false);
        change(5, "12:00:05", "chg-1", PairState.ACTIVE, PairState.INACTIVE);
        change(6, "14:05:00", "chg-2", PairState.INACTIVE, PairState.AMBIGUOUS);
        change(7, "16:30:00", "chg-1", PairState.INACTIVE, PairState.ACTIVE); // the guest: false
        change(8, "17:00:10", "chg-1", PairState.ACTIVE, PairState.INACTIVE);
        report(vehicle, 9, "18:00:20", "17:59:40", true);
        report(charger, 10, "18:00:40", "18:00:38", true);
        report(charger, 11, "19:03:00", "19:02:58", true);
        change(11, "19:03:00", "chg-1", PairState.INACTIVE, PairState.ACTIVE); // 3 min after the unplug: false

        Scoring.Result result = Scoring.score("hand-made", truth(truth), DetectorTrace.of(changes,
                Map.of("veh-1", vehicle, "chg-1", charger)));
        ScenarioScore s = result.score();

        assertThat(s.sessions()).isEqualTo(3);
        assertThat(s.longSessions()).isEqualTo(2);
        assertThat(s.activations()).isEqualTo(3);
        assertThat(s.correctActivations()).isEqualTo(1);
        assertThat(s.precision()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(s.found()).isEqualTo(1);
        assertThat(s.recall()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(s.recallLong()).isEqualTo(0.5);
        assertThat(s.latencyMillis()).containsExactly(30_000L);
        assertThat(s.latencyReports()).containsExactly(2);
        assertThat(s.latencySeconds(50)).isEqualTo(30.0);
        assertThat(s.latencyReports(50)).isEqualTo(2.0);
        assertThat(s.sincePlugInMillis()).containsExactly(90_000L);
        assertThat(s.ambiguousSessions()).isEqualTo(1);
        assertThat(s.ambiguousShare()).isCloseTo(1 / 3.0, within(1e-9));
        assertThat(s.falseByCause()).containsEntry(FalseCause.GUEST, 1).containsEntry(FalseCause.PUBLIC, 0)
                .containsEntry(FalseCause.AFTER_UNPLUG, 1);
        // the guest's held from 16:30:00 to 17:00:10; the late one was never withdrawn (until the world's end)
        assertThat(s.falseLastedMillis()).containsExactly(1_810_000L, 17_820_000L);
        assertThat(s.guestVisits()).isEqualTo(1);
        assertThat(s.missesByCause()).containsEntry(MissCause.AMBIGUOUS, 1).containsEntry(MissCause.TOO_LATE, 1);
        assertThat(result.cases().misses()).extracting(Cases.Miss::pluggedInAt).containsExactly(at("14:00:00"),
                at("18:00:00"));
        assertThat(result.cases().falseActivations()).first()
                .satisfies(f -> assertThat(f.truth()).contains("guest with guest-1"));
    }

    @Test
    void anActivationAfterTheUnplugIsFalseAndTheSessionMissed() {
        List<TruthInterval> truth = List.of(home("10:00:00", "11:00:00"));
        report(vehicle, 1, "10:00:10", "10:00:05", true);
        report(charger, 2, "10:00:20", "10:00:18", true);
        change(3, "11:06:00", "chg-1", PairState.INACTIVE, PairState.ACTIVE);

        ScenarioScore s = Scoring.score("late", truth(truth), DetectorTrace.of(changes,
                Map.of("veh-1", vehicle, "chg-1", charger))).score();

        assertThat(s.precision()).isEqualTo(0.0);
        assertThat(s.recall()).isEqualTo(0.0);
        assertThat(s.falseByCause()).containsEntry(FalseCause.AFTER_UNPLUG, 1);
        assertThat(s.missesByCause()).containsEntry(MissCause.TOO_LATE, 1);
        assertThat(s.latencyMillis()).isEmpty();
        assertThat(s.latencySeconds(50)).isNaN();
    }

    @Test
    void anActivationInTheNextSessionDoesNotMakeTheLastOneLate() {
        List<TruthInterval> truth = List.of(home("10:00:00", "11:00:00"), home("11:30:00", "12:30:00"));
        change(3, "11:40:00", "chg-1", PairState.INACTIVE, PairState.ACTIVE);

        ScenarioScore s = Scoring.score("next", truth(truth), DetectorTrace.of(changes, Map.of())).score();

        assertThat(s.precision()).isEqualTo(1.0);
        assertThat(s.found()).isEqualTo(1);
        assertThat(s.missesByCause()).containsEntry(MissCause.TOO_LATE, 0).containsEntry(MissCause.NOT_REPORTED, 1);
    }

    @Test
    void aPairStillActiveFromTheLastSessionIsNotAFindOfTheNextOne() {
        List<TruthInterval> truth = List.of(home("10:00:00", "11:00:00"), home("12:00:00", "13:00:00"));
        report(vehicle, 1, "10:00:10", "10:00:05", true);
        report(charger, 2, "10:00:20", "10:00:18", true);
        change(2, "10:00:20", "chg-1", PairState.INACTIVE, PairState.ACTIVE); // never deactivated

        ScenarioScore s = Scoring.score("sticky", truth(truth), DetectorTrace.of(changes,
                Map.of("veh-1", vehicle, "chg-1", charger))).score();

        assertThat(s.found()).isEqualTo(1);
        assertThat(s.latencyReports()).containsExactly(0);
        assertThat(s.missesByCause()).containsEntry(MissCause.STILL_ACTIVE, 1);
    }

    @Test
    void overallPoolsTheClasses() {
        ScenarioScore a = new ScenarioScore("a", 10, 8, 10, 10, 9, 8, List.of(1_000L), List.of(0), List.of(60_000L),
                List.of(), 1, Map.of(),
                Map.of(MissCause.AMBIGUOUS, 1), 2, 1, 100, 1_000_000_000L, 500_000_000L);
        ScenarioScore b = new ScenarioScore("b", 30, 30, 31, 30, 30, 30, List.of(3_000L, 5_000L), List.of(1, 2),
                List.of(90_000L, 120_000L), List.of(40_000L), 0,
                Map.of(FalseCause.GUEST, 1), Map.of(), 3, 0, 300, 1_000_000_000L, 500_000_000L);

        ScenarioScore all = ScenarioScore.overall("overall", List.of(a, b));

        assertThat(all.sessions()).isEqualTo(40);
        assertThat(all.precision()).isCloseTo(40 / 41.0, within(1e-9));
        assertThat(all.recall()).isCloseTo(39 / 40.0, within(1e-9));
        assertThat(all.recallLong()).isCloseTo(38 / 38.0, within(1e-9));
        assertThat(all.latencySeconds(50)).isEqualTo(3.0);
        assertThat(all.latencySeconds(95)).isEqualTo(5.0);
        assertThat(all.sincePlugInSeconds(50)).isEqualTo(90.0);
        assertThat(all.eventsPerSecond()).isEqualTo(400.0);
        assertThat(all.falseByCause()).containsEntry(FalseCause.GUEST, 1);
        assertThat(all.falseLastedSeconds(100)).isEqualTo(40.0);
        assertThat(all.guestVisits()).isEqualTo(5);
        assertThat(all.publicSessions()).isEqualTo(1);
        assertThat(all.missesByCause()).containsEntry(MissCause.AMBIGUOUS, 1);
    }

    private static TruthInterval home(String from, String to) {
        return new TruthInterval(Kind.HOME, "veh-1", "chg-1", "hh-1", at(from), at(to));
    }

    private static GroundTruth truth(List<TruthInterval> intervals) {
        return new GroundTruth(new TruthHeader("hand-made", "", 1, START, END, List.of()), intervals);
    }

    private static void report(ReportLog log, int index, String delivered, String observed, boolean plugged) {
        log.add(index, at(delivered), at(observed), plugged, false);
    }

    private void change(int index, String processed, String chargerId, PairState from, PairState to) {
        changes.add(new PairChange(index, at(processed), "hh-1", new Transition("pair-veh-1-" + chargerId, "veh-1",
                chargerId, from, to, at(processed), "test", 0.8, List.of(), List.of())));
    }

    private static Instant at(String time) {
        return Instant.parse("2026-01-05T" + time + "Z");
    }
}
