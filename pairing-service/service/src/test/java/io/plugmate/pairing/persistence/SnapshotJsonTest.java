package io.plugmate.pairing.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.plugmate.events.Evidence;
import io.plugmate.events.GeoLocation;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.pairing.Household;
import io.plugmate.pairing.domain.DetectorSettings;
import io.plugmate.pairing.domain.DetectorSnapshot;
import io.plugmate.pairing.domain.PairState;
import io.plugmate.pairing.domain.UserDetector;

/** The stored form of a detector: JSON that reads back into the very same state (plain JUnit, no Quarkus). */
class SnapshotJsonTest {

    @Test
    void aSnapshotSurvivesTheRoundTripThroughJson() {
        Household h = Household.fresh();
        UserDetector detector = UserDetector.start(h.clientId(), h.userId(), DetectorSettings.defaults());
        detector.accept(h.linked(io.plugmate.events.DeviceType.VEHICLE, h.vehicleId()), true);
        detector.accept(h.linked(io.plugmate.events.DeviceType.CHARGER, h.chargerId()), true);
        detector.accept(h.vehicle(Duration.ofMinutes(1), false, false, 0), true);
        detector.accept(h.charger(Duration.ofMinutes(1), false, false, 0), true);
        VehicleStateObserved located = new VehicleStateObserved(java.util.UUID.randomUUID(), 1, h.clientId(),
                h.userId(), h.start(), h.vehicleId(), "TESLA", h.at(Duration.ofMinutes(10)), true, null, null, 50.5,
                new GeoLocation(59.91712, 10.73401));
        detector.accept(located, true);
        detector.accept(h.charger(Duration.ofMinutes(10).plusSeconds(20), true, true, 11.04), true);
        detector.confirm(h.pairId(), h.at(Duration.ofMinutes(11)).plusNanos(123_456_789), true);
        DetectorSnapshot snapshot = detector.snapshot();
        assertThat(snapshot.pairs()).singleElement().extracting(p -> p.state()).isEqualTo(PairState.ACTIVE);

        String json = DetectorStore.write(snapshot);
        DetectorSnapshot read = DetectorStore.parse(json);

        assertThat(read).isEqualTo(snapshot);
        assertThat(UserDetector.restore(read, DetectorSettings.defaults()).snapshot()).isEqualTo(snapshot);
        // ADR 0020: a report is an array, its time in epoch milliseconds; device types by their wire names
        assertThat(json).contains("[" + h.at(Duration.ofMinutes(1)).toEpochMilli() + ",false,false,")
                .contains("\"type\":\"vehicle\"");
        // the form before ADR 0020 (reports as objects) reads into the same state
        assertThat(DetectorStore.parse(io.plugmate.events.EventJson.mapper().valueToTree(snapshot).toString()))
                .isEqualTo(snapshot);
        List<Evidence> evidence = read.pairs().getFirst().evidence();
        assertThat(evidence).isNotEmpty();
    }

    @Test
    void aSnapshotStoredBeforeThePairsRememberedTheirAccountedPlugInReadsAsNoneAccounted() {
        Household h = Household.fresh();
        UserDetector detector = UserDetector.start(h.clientId(), h.userId(), DetectorSettings.defaults());
        detector.accept(h.linked(io.plugmate.events.DeviceType.VEHICLE, h.vehicleId()), true);
        detector.accept(h.linked(io.plugmate.events.DeviceType.CHARGER, h.chargerId()), true);
        String json = DetectorStore.write(detector.snapshot());
        assertThat(json).contains("\"accountedPlugIn\":null");

        DetectorSnapshot read = DetectorStore.parse(json.replace(",\"accountedPlugIn\":null", ""));

        assertThat(read.pairs()).singleElement().satisfies(p -> assertThat(p.memory().accountedPlugIn()).isNull());
        assertThat(read).isEqualTo(detector.snapshot());
    }

    @Test
    void anUnreadableSnapshotIsAFailureThatShowsNoContent() {
        assertThatThrownBy(() -> DetectorStore.parse("{\"clientId\":\"acme\",\"devices\":\"secret-telemetry\"}"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("stored detector snapshot cannot be read")
                .hasMessageNotContaining("secret-telemetry");
    }
}
