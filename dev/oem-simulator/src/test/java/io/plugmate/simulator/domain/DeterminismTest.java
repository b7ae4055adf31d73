package io.plugmate.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The same seed must replay the same world, report for report; the benchmark depends on it. */
class DeterminismTest {

    private static final Duration SPAN = Duration.ofDays(3);

    @Test
    void sameSeedGivesIdenticalReportsAndGroundTruth() {
        FleetSimulation a = new FleetSimulation(7, FleetConfig.defaults(15, Worlds.START));
        FleetSimulation b = new FleetSimulation(7, FleetConfig.defaults(15, Worlds.START));
        List<ReportDelivery> fromA = a.advanceBy(SPAN);
        List<ReportDelivery> fromB = b.advanceBy(SPAN);
        assertThat(fromA).isNotEmpty().isEqualTo(fromB);
        assertThat(a.groundTruth()).isNotEmpty().isEqualTo(b.groundTruth());
        assertThat(a.accounts()).isEqualTo(b.accounts());
    }

    @Test
    void howTimeIsAdvancedDoesNotMatter() {
        FleetSimulation oneJump = new FleetSimulation(11, FleetConfig.defaults(8, Worlds.START));
        FleetSimulation manySteps = new FleetSimulation(11, FleetConfig.defaults(8, Worlds.START));
        List<ReportDelivery> stepped = new ArrayList<>();
        for (int i = 0; i < 24 * 6; i++) {
            stepped.addAll(manySteps.advanceBy(Duration.ofMinutes(10)));
        }
        assertThat(oneJump.advanceBy(Duration.ofDays(1))).isEqualTo(stepped);
    }

    @Test
    void differentSeedGivesDifferentWorld() {
        FleetSimulation a = new FleetSimulation(7, FleetConfig.defaults(15, Worlds.START));
        FleetSimulation c = new FleetSimulation(8, FleetConfig.defaults(15, Worlds.START));
        assertThat(a.advanceBy(SPAN)).isNotEqualTo(c.advanceBy(SPAN));
        assertThat(a.groundTruth()).isNotEqualTo(c.groundTruth());
    }

    @Test
    void stateReadsDoNotDisturbTheSimulation() {
        FleetSimulation read = new FleetSimulation(3, FleetConfig.defaults(5, Worlds.START));
        FleetSimulation untouched = new FleetSimulation(3, FleetConfig.defaults(5, Worlds.START));
        List<ReportDelivery> withReads = new ArrayList<>();
        for (int i = 0; i < 48; i++) {
            withReads.addAll(read.advanceBy(Duration.ofMinutes(30)));
            read.households().forEach(h -> h.vehicles().forEach(v -> read.currentState(v.id())));
        }
        assertThat(withReads).isEqualTo(untouched.advanceBy(Duration.ofDays(1)));
    }
}
