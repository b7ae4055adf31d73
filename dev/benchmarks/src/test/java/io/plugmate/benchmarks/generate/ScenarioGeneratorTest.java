package io.plugmate.benchmarks.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.plugmate.benchmarks.files.GroundTruth;
import io.plugmate.benchmarks.files.ScenarioFiles;
import io.plugmate.benchmarks.files.TruthInterval;
import io.plugmate.events.DeviceLinked;
import io.plugmate.simulator.domain.HouseholdSpec;
import io.plugmate.simulator.domain.PlugInterval;
import io.plugmate.simulator.domain.Vendor;

class ScenarioGeneratorTest {

    private static final Instant T = Instant.parse("2026-01-05T18:00:00Z");

    @Test
    void truthIsClassifiedByWhoIsLinked() {
        Map<String, String> linked = Map.of("veh-1", "hh-1", "chg-1", "hh-1", "veh-2", "hh-2", "chg-2", "hh-2");
        List<PlugInterval> all = List.of(
                new PlugInterval("veh-1", "chg-1", "hh-1", T, T.plusSeconds(3600)),
                new PlugInterval("guest-hh-1-1", "chg-1", "hh-1", T, null),
                new PlugInterval("veh-9", "chg-2", "hh-9", T, null),
                new PlugInterval("veh-1", "public:pub-1", "hh-1", T, T.plusSeconds(60)),
                new PlugInterval("veh-9", "public:pub-9", "hh-9", T, null));

        List<TruthInterval> truth = ScenarioGenerator.truth(all, linked);

        assertThat(truth).extracting(TruthInterval::kind, TruthInterval::vehicleId, TruthInterval::householdId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(TruthInterval.Kind.HOME, "veh-1", "hh-1"),
                        org.assertj.core.groups.Tuple.tuple(TruthInterval.Kind.GUEST, "guest-hh-1-1", "hh-1"),
                        org.assertj.core.groups.Tuple.tuple(TruthInterval.Kind.GUEST, "veh-9", "hh-2"),
                        org.assertj.core.groups.Tuple.tuple(TruthInterval.Kind.PUBLIC, "veh-1", "hh-1"));
    }

    @Test
    void sameSeedSameFilesAndLinkedDevicesFirst(@TempDir Path dir) throws IOException {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));

        new ScenarioGenerator(a, 7).generate(new OneScriptedDay());
        new ScenarioGenerator(b, 7).generate(new OneScriptedDay());

        Path records = ScenarioFiles.fileFor(a, "tiny");
        assertThat(Files.readString(records)).isEqualTo(Files.readString(ScenarioFiles.fileFor(b, "tiny")));
        List<String> lines = Files.readAllLines(records);
        assertThat(ScenarioFiles.fromLine(lines.get(0)).value()).isInstanceOf(DeviceLinked.class);
        assertThat(ScenarioFiles.fromLine(lines.get(1)).value()).isInstanceOf(DeviceLinked.class);
        assertThat(lines.stream().skip(2).map(ScenarioFiles::fromLine))
                .allSatisfy(r -> assertThat(r.value()).isNotInstanceOf(DeviceLinked.class))
                .extracting(r -> r.value().occurredAt()).isSorted();
        GroundTruth truth = GroundTruth.read(GroundTruth.fileFor(a, "tiny"));
        assertThat(truth.intervals()).singleElement()
                .satisfies(i -> assertThat(i.kind()).isEqualTo(TruthInterval.Kind.HOME))
                .satisfies(i -> assertThat(i.pluggedInAt()).isEqualTo(ScenarioGenerator.START.plus(Duration.ofHours(18))));
    }

    /** One manual household plugged in at 18:00 and unplugged at 20:00 on its only day. */
    private static final class OneScriptedDay implements Scenario {

        @Override
        public String name() {
            return "tiny";
        }

        @Override
        public String description() {
            return "one session";
        }

        @Override
        public Duration length() {
            return Duration.ofDays(1);
        }

        @Override
        public void populate(World world) {
            var h = world.addLinked(new HouseholdSpec(List.of(Vendor.TESLA), List.of(Vendor.WATTBOX), false, null));
            String vehicle = h.vehicles().getFirst().id();
            world.at(world.start().plus(Duration.ofHours(18)), () -> {
                world.setBatteryLevel(vehicle, 40);
                world.plug(vehicle, h.chargers().getFirst().id());
            });
            world.at(world.start().plus(Duration.ofHours(20)), () -> world.unplug(vehicle));
        }
    }
}
