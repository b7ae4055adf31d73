package io.plugmate.pairing.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.events.GeoLocation;
import io.plugmate.events.PairActivated;
import io.plugmate.events.PairEvent;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.VehicleStateObserved;

class ReplayTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsThePairEventsTheDetectorWouldPublishOnePerLineInOrder() throws IOException {
        String file = String.join("\n", lines());

        replay(file, false);

        List<PairEvent> printed = out.toString(StandardCharsets.UTF_8).lines()
                .map(l -> EventJson.read(l, PairEvent.class)).toList();
        assertThat(printed).extracting(PlugmateEvent::type).containsExactly("PairEstablished", "PairActivated");
        assertThat(((PairActivated) printed.get(1)).vehicleId()).isEqualTo("v1");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("6 records, 0 skipped, 2 pair events");
    }

    @Test
    void theSameFileAlwaysGivesTheSameOutputIdsIncluded() throws IOException {
        String file = String.join("\n", lines());
        replay(file, false);
        String first = out.toString(StandardCharsets.UTF_8);
        out.reset();
        replay(file, false);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(first);
    }

    @Test
    void theThreeTopicsDumpedOneAfterAnotherGiveTheSamePairEventsAsTheFileInDeliveryOrder() throws IOException {
        replay(String.join("\n", lines()), false);
        String inDeliveryOrder = out.toString(StandardCharsets.UTF_8);
        out.reset();
        List<String> byTopic = new ArrayList<>();
        for (String topic : List.of("charger-state", "device-lifecycle", "vehicle-state")) {
            lines().stream().filter(l -> l.contains("\"topic\":\"" + topic + "\"")).forEach(byTopic::add);
        }

        replay(String.join("\n", byTopic), false);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(inDeliveryOrder).contains("PairActivated");
    }

    @Test
    void unusableLinesAreReportedWithTheirNumberAndSkippedWhileTheRestIsReplayed() throws IOException {
        List<String> lines = new ArrayList<>(lines());
        lines.add(1, "not json");
        lines.add(2, "{\"topic\":\"pair-events\",\"key\":\"u1\",\"value\":{}}");
        lines.add(3, "{\"topic\":\"vehicle-state\",\"key\":\"u1\",\"value\":{\"type\":\"VehicleStateObserved\"}}");
        lines.add(4, "");

        Replay replay = replay(String.join("\n", lines), false);

        String warnings = err.toString(StandardCharsets.UTF_8);
        assertThat(warnings).contains("line 2 skipped: not JSON").contains("line 3 skipped: topic must be one of")
                .contains("line 4 skipped: VehicleStateObserved without eventId");
        assertThat(replay.skipped()).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8).lines()).hasSize(2);
    }

    @Test
    void explainWritesEveryTransitionWithItsReasonToStderr() throws IOException {
        replay(String.join("\n", lines()), true);

        assertThat(err.toString(StandardCharsets.UTF_8)).contains("INACTIVE -> ACTIVE: convincing and unrivalled")
                .contains("plug-in-timing");
    }

    private Replay replay(String file, boolean explain) throws IOException {
        Replay replay = new Replay(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), explain);
        replay.run(new BufferedReader(new StringReader(file)));
        return replay;
    }

    /** v1 and c1 linked; c1 reports its plug-in at 18:00:05, v1 at 18:01:30. */
    private static List<String> lines() {
        GeoLocation home = new GeoLocation(59.9, 10.7);
        return List.of(
                record("device-lifecycle", new DeviceLinked(id(1), 1, "c", "u1", t("17:00:00"), DeviceType.VEHICLE,
                        "v1", "TESLA", new DeviceCapabilities(true, true, true, true))),
                record("device-lifecycle", new DeviceLinked(id(2), 1, "c", "u1", t("17:00:00"), DeviceType.CHARGER,
                        "c1", "WATTBOX", new DeviceCapabilities(true, true, false, false))),
                record("vehicle-state", new VehicleStateObserved(id(3), 1, "c", "u1", t("17:50:02"), "v1", "TESLA",
                        t("17:50:00"), false, false, 0.0, 40.0, home)),
                record("charger-state", new ChargerStateObserved(id(4), 1, "c", "u1", t("17:55:02"), "c1", "WATTBOX",
                        t("17:55:00"), false, false, 0.0, 16.0)),
                record("charger-state", new ChargerStateObserved(id(5), 1, "c", "u1", t("18:00:07"), "c1", "WATTBOX",
                        t("18:00:05"), true, true, 11.0, 16.0)),
                record("vehicle-state", new VehicleStateObserved(id(6), 1, "c", "u1", t("18:01:33"), "v1", "TESLA",
                        t("18:01:30"), true, true, 10.2, 40.0, home)));
    }

    private static String record(String topic, PlugmateEvent event) {
        return "{\"topic\":\"" + topic + "\",\"key\":\"" + event.userId() + "\",\"value\":" + EventJson.write(event) + "}";
    }

    private static UUID id(int n) {
        return UUID.nameUUIDFromBytes(("replay-" + n).getBytes(StandardCharsets.UTF_8));
    }

    private static Instant t(String time) {
        return Instant.parse("2026-03-02T" + time + "Z");
    }
}
