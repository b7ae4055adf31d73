package io.plugmate.benchmarks.statistics;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.plugmate.simulator.domain.FleetSimulation;
import io.plugmate.simulator.domain.Household;
import io.plugmate.simulator.domain.HouseholdSpec;
import io.plugmate.simulator.domain.Vendor;

/**
 * Households whose two cars come home together: every evening both are plugged into the two wallboxes 0–2 minutes
 * apart, at the same power, and unplugged the next morning. Timing and power cannot tell the pairs apart, so pairing
 * should refuse (AMBIGUOUS) rather than guess, and statistics should show the candidates.
 */
final class TwoCarEvenings {

    private TwoCarEvenings() {
    }

    /** @return the households' ids */
    static Set<String> add(FleetSimulation sim, int count, int days, Script script) {
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            Household h = sim.addHousehold(new HouseholdSpec(List.of(Vendor.TESLA, Vendor.AMPERIA),
                    List.of(Vendor.TESLA, Vendor.WATTBOX), false, null));
            ids.add(h.id());
            String carA = h.vehicles().get(0).id();
            String carB = h.vehicles().get(1).id();
            String boxA = h.chargers().get(0).id();
            String boxB = h.chargers().get(1).id();
            for (int d = 0; d < days; d++) {
                Instant evening = StatisticsBenchmark.START.plus(Duration.ofDays(d)).plus(Duration.ofHours(18))
                        .plus(Duration.ofMinutes(3L * i));
                int apart = (d + i) % 3;
                // which car takes which wallbox changes from day to day, as it does when two people come home
                String first = d % 2 == 0 ? boxA : boxB;
                String second = d % 2 == 0 ? boxB : boxA;
                script.at(evening, () -> {
                    sim.setBatteryLevel(carA, 35);
                    sim.setBatteryLevel(carB, 35);
                    sim.plug(carA, first);
                });
                script.at(evening.plus(Duration.ofMinutes(apart)).plusSeconds(20), () -> sim.plug(carB, second));
                Instant morning = evening.plus(Duration.ofHours(13));
                script.at(morning, () -> {
                    sim.unplug(carA);
                    sim.unplug(carB);
                });
            }
        }
        return ids;
    }
}
