package io.plugmate.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorClockTest {

    private static SimulatorClock clock(Path dir) {
        return new SimulatorClock(dir.resolve(".plugmate/simulator-clock"), URI.create("http://localhost:1/"),
                Duration.ofSeconds(1));
    }

    @Test
    void aFirstRunStartsAtTheSimulatorsOwnDefault(@TempDir Path dir) {
        ServiceSpec simulator = ServiceCatalog.service("oem-simulator");

        assertThat(clock(dir).resume(simulator)).isEqualTo(simulator);
    }

    /** The platform's stored state is as late as the last report: a simulator starting earlier would be ignored. */
    @Test
    void aLaterRunResumesTheSavedSimulatedTimeNeverEarlier(@TempDir Path dir) {
        Instant simulatedNow = Instant.parse("2026-12-09T03:15:00Z");
        clock(dir).save(simulatedNow, 10);

        ServiceSpec resumed = clock(dir).resume(ServiceCatalog.service("oem-simulator"));

        Instant start = Instant.parse(resumed.properties().get(SimulatorClock.START_PROPERTY));
        assertThat(start).isAfter(simulatedNow.plusSeconds(10)).isBefore(simulatedNow.plusSeconds(60));
        assertThat(resumed.properties()).containsAllEntriesOf(ServiceCatalog.service("oem-simulator").properties());
    }

    @Test
    void aSimulatorThatDoesNotAnswerKeepsTheLastSavedTime(@TempDir Path dir) {
        SimulatorClock clock = clock(dir);
        clock.save(Instant.parse("2026-12-09T03:15:00Z"), 1);

        clock.saveFromSimulator();

        assertThat(clock.resumeAt()).contains(Instant.parse("2026-12-09T03:15:02Z"));
    }
}
