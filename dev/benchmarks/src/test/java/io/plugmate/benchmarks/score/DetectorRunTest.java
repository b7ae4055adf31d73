package io.plugmate.benchmarks.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.plugmate.benchmarks.files.ScenarioFiles;
import io.plugmate.benchmarks.files.ScenarioRecord;
import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceType;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.pairing.domain.DetectorSettings;
import io.plugmate.pairing.domain.PairingEngine;

/** A lagging consumer is played by taking its topic's records later; the detector must come out the same. */
class DetectorRunTest {

    private static final Instant T = Instant.parse("2026-01-05T18:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aTopicsConsumerBehindTakesItsRecordsThatMuchLaterAndThePairsComeOutTheSame() {
        Path file = ScenarioFiles.fileFor(dir, "tiny");
        try (ScenarioFiles.Writer out = ScenarioFiles.writer(file)) {
            out.write(new ScenarioRecord(Topics.DEVICE_LIFECYCLE, "u", linked(DeviceType.VEHICLE, "v", 1)));
            out.write(new ScenarioRecord(Topics.DEVICE_LIFECYCLE, "u", linked(DeviceType.CHARGER, "c", 2)));
            int id = 10;
            out.write(vehicle(id++, 0, false, 0));
            out.write(charger(id++, 30, false, 0));
            for (int s = 600; s < 1800; s += 30) {
                out.write(charger(id++, s + 5, true, 11));
                if (s % 120 == 0) {
                    out.write(vehicle(id++, s + 10, true, 10.2));
                }
            }
            out.write(vehicle(id++, 1800, false, 0));
            out.write(charger(id, 1810, false, 0));
        }

        DetectorTrace onTime = DetectorRun.replay(file, DetectorSettings.defaults(), PairingEngine.Feed.AS_CONSUMED,
                topic -> Duration.ZERO);
        DetectorTrace behind = DetectorRun.replay(file, DetectorSettings.defaults(), PairingEngine.Feed.AS_CONSUMED,
                topic -> topic.equals(Topics.CHARGER_STATE) ? Duration.ofMinutes(4) : Duration.ZERO);

        assertThat(transitions(behind)).isEqualTo(transitions(onTime))
                .containsExactly("INACTIVE->ACTIVE 2026-01-05T18:10:10Z", "ACTIVE->INACTIVE 2026-01-05T18:30:00Z");
        assertThat(behind.reportsOf("c").deliveredAt(0)).isEqualTo(T.plusSeconds(32).plus(Duration.ofMinutes(4)));
        // processing times: what a consumer of the pair events would see, later with the charger topic behind
        assertThat(behind.changes().getLast().processedAt()).isAfter(onTime.changes().getLast().processedAt());
    }

    private static List<String> transitions(DetectorTrace trace) {
        return trace.changes().stream().map(c -> c.transition().from() + "->" + c.transition().to() + " "
                + c.transition().at()).toList();
    }

    private static DeviceLinked linked(DeviceType type, String id, int n) {
        return new DeviceLinked(uuid(n), 1, "k", "u", T.minusSeconds(3600), type, id, "V",
                new DeviceCapabilities(true, true, true, true));
    }

    private static ScenarioRecord vehicle(int n, int at, boolean plugged, double kw) {
        PlugmateEvent e = new VehicleStateObserved(uuid(n), 1, "k", "u", T.plusSeconds(at + 2), "v", "V",
                T.plusSeconds(at), plugged, plugged && kw > 0, kw, 50.0, null);
        return new ScenarioRecord(Topics.VEHICLE_STATE, "u", e);
    }

    private static ScenarioRecord charger(int n, int at, boolean plugged, double kw) {
        PlugmateEvent e = new ChargerStateObserved(uuid(n), 1, "k", "u", T.plusSeconds(at + 2), "c", "C",
                T.plusSeconds(at), plugged, plugged && kw > 0, kw, 16.0);
        return new ScenarioRecord(Topics.CHARGER_STATE, "u", e);
    }

    private static UUID uuid(int n) {
        return UUID.nameUUIDFromBytes(("run-" + n).getBytes());
    }
}
