package io.plugmate.simulator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChargingPhysicsTest {

    @Test
    void fullPowerUpToEightyPercentThenTapering() {
        assertThat(ChargingPhysics.taper(0)).isEqualTo(1.0);
        assertThat(ChargingPhysics.taper(80)).isEqualTo(1.0);
        assertThat(ChargingPhysics.taper(85)).isLessThan(1.0);
        assertThat(ChargingPhysics.taper(95)).isLessThan(ChargingPhysics.taper(85));
        assertThat(ChargingPhysics.taper(100)).isEqualTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void taperNeverIncreasesWithStateOfCharge() {
        double previous = ChargingPhysics.taper(0);
        for (double soc = 0; soc <= 100; soc += 0.5) {
            double taper = ChargingPhysics.taper(soc);
            assertThat(taper).isLessThanOrEqualTo(previous).isPositive();
            previous = taper;
        }
    }

    @Test
    void acLimitFollowsPhasesAndCurrent() {
        assertThat(ChargingPhysics.acLimitKw(3, 16)).isEqualTo(11.04, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ChargingPhysics.acLimitKw(1, 32)).isEqualTo(7.36, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void energyIsPowerTimesTime() {
        assertThat(ChargingPhysics.energyKwh(11, 3600)).isEqualTo(11.0);
        assertThat(ChargingPhysics.energyKwh(7.2, 1800)).isEqualTo(3.6, org.assertj.core.data.Offset.offset(1e-9));
    }
}
