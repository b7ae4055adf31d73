package io.plugmate.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.EventJson;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.events.VehicleStateObserved;

class FleetTest {

    private static final Instant DUE = Instant.parse("2026-12-05T18:00:00Z");

    @Test
    void reportsComeInPairsCarThenWallboxGoingRoundTheHouseholds() {
        Fleet fleet = new Fleet(3, 2);
        List<String> order = new ArrayList<>();
        for (long i = 0; i < 8; i++) {
            var record = fleet.report(i, DUE);
            order.add(record.key() + " " + record.topic());
        }
        assertThat(order).containsExactly("bench-user-000000 vehicle-state", "bench-user-000000 charger-state",
                "bench-user-000001 vehicle-state", "bench-user-000001 charger-state",
                "bench-user-000002 vehicle-state", "bench-user-000002 charger-state",
                "bench-user-000000 vehicle-state", "bench-user-000000 charger-state");
    }

    @Test
    void aHouseholdIsUnpluggedForPhaseRoundsThenPluggedInAndChargingForAsMany() {
        Fleet fleet = new Fleet(2, 2);
        List<Boolean> household0 = new ArrayList<>();
        for (long round = 0; round < 8; round++) {
            long car = round * 4;
            VehicleStateObserved v = EventJson.read(fleet.report(car, DUE).value(), VehicleStateObserved.class);
            ChargerStateObserved c = EventJson.read(fleet.report(car + 1, DUE).value(), ChargerStateObserved.class);
            assertThat(v.isPluggedIn()).isEqualTo(c.isPluggedIn()).isEqualTo(v.isCharging());
            household0.add(v.isPluggedIn());
        }
        assertThat(household0).containsExactly(false, false, true, true, false, false, true, true);
    }

    @Test
    void eventTimeIsTheDueTimeSoLatencyCountsFromWhenTheReportWasDue() {
        PlugmateEvent event = EventJson.read(new Fleet(1, 1).report(0, DUE).value(), PlugmateEvent.class);
        assertThat(event.occurredAt()).isEqualTo(DUE);
        assertThat(((VehicleStateObserved) event).observedAt()).isEqualTo(DUE);
    }

    @Test
    void everyHouseholdLinksACarAndAWallbox() {
        var linked = new Fleet(2, 1).linked(DUE);
        assertThat(linked).hasSize(4).allMatch(r -> r.topic().equals(Topics.DEVICE_LIFECYCLE));
    }
}
