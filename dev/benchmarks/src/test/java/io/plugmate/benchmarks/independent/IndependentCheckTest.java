package io.plugmate.benchmarks.independent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.plugmate.benchmarks.files.GroundTruth;
import io.plugmate.benchmarks.files.ScenarioFiles;
import io.plugmate.benchmarks.files.ScenarioRecord;
import io.plugmate.benchmarks.files.TruthInterval;

/** The independent check writes what the scorer reads, deterministically, with the truth its scripts describe. */
class IndependentCheckTest {

    @TempDir
    Path dir;

    @Test
    void twelveSituationsEachWithItsRecordsInDeliveryOrderAndItsTruth() throws IOException {
        List<IndependentCheck.Written> written = IndependentCheck.write(dir, 7, 0.04);

        assertThat(written).hasSize(12).extracting(IndependentCheck.Written::name).doesNotHaveDuplicates();
        for (IndependentCheck.Written w : written) {
            List<ScenarioRecord> records = Files.readAllLines(ScenarioFiles.fileFor(dir, w.name())).stream()
                    .map(ScenarioFiles::fromLine).toList();
            assertThat(records).hasSize((int) w.records());
            Instant previous = Instant.MIN;
            for (ScenarioRecord r : records) {
                assertThat(r.value().occurredAt()).isAfterOrEqualTo(previous);
                previous = r.value().occurredAt();
            }
            GroundTruth truth = GroundTruth.read(GroundTruth.fileFor(dir, w.name()));
            assertThat(truth.intervals()).hasSize(w.intervals())
                    .anyMatch(i -> i.kind() == TruthInterval.Kind.HOME);
        }
    }

    @Test
    void theSituationsHoldWhatTheirNamesSay() {
        IndependentCheck.write(dir, 7, 0.04);

        assertThat(kinds("visitor-at-public-post")).contains(TruthInterval.Kind.GUEST, TruthInterval.Kind.PUBLIC);
        assertThat(kinds("look-alikes")).contains(TruthInterval.Kind.PUBLIC);
        assertThat(kinds("new-user-drove-away")).contains(TruthInterval.Kind.GUEST, TruthInterval.Kind.PUBLIC);
        assertThat(IndependentCheck.describe(1).stream().filter(w -> w.name().equals("catching-up")).findFirst()
                .orElseThrow().consumerLag("charger-state")).hasMinutes(5);
    }

    @Test
    void theSameSeedWritesTheSameFilesByteForByte(@TempDir Path other) throws IOException {
        IndependentCheck.write(dir, 7, 0.04);
        IndependentCheck.write(other, 7, 0.04);

        for (String name : List.of("everyday", "look-alikes", "sleepy-car")) {
            assertThat(Files.readAllBytes(ScenarioFiles.fileFor(dir, name)))
                    .isEqualTo(Files.readAllBytes(ScenarioFiles.fileFor(other, name)));
        }
    }

    private List<TruthInterval.Kind> kinds(String situation) {
        return GroundTruth.read(GroundTruth.fileFor(dir, situation)).intervals().stream().map(TruthInterval::kind)
                .distinct().toList();
    }
}
