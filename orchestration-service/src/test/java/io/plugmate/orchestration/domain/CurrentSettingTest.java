package io.plugmate.orchestration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.plugmate.events.ElectricalData;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class CurrentSettingTest {

    @Test
    void sevenPointFourKilowattsOnThreePhases230VoltsIsTenPointSevenAmps() {
        CurrentSetting s = CurrentSetting.ofPower(7.4, new ElectricalData(3, 230.0, 6.0, 32.0));

        assertThat(s.exactCurrentA()).isCloseTo(10.7246, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(s.sentCurrentA()).isEqualTo(10.7);
        assertThat(s.clamped()).isFalse();
        assertThat(s.explanation()).isEqualTo("7.4 kW ÷ (3 phases × 230 V) = 10.72 A, rounded down to 10.7 A so the "
                + "limit stays at or below 7.4 kW; within the charger's range 6–32 A");
    }

    @Test
    void aPowerBelowTheMinimumIsClampedUpAndSaysSo() {
        CurrentSetting s = CurrentSetting.ofPower(2.0, new ElectricalData(3, 230.0, 6.0, 32.0));

        assertThat(s.sentCurrentA()).isEqualTo(6.0);
        assertThat(s.clamped()).isTrue();
        assertThat(s.explanation()).contains("below the charger's range 6–32 A: clamped to its minimum 6 A")
                .endsWith("(≈ 4.1 kW)");
    }

    @Test
    void onOnePhaseAndAboveTheMaximumItIsClampedDown() {
        CurrentSetting s = CurrentSetting.ofPower(11.0, new ElectricalData(1, 230.0, 6.0, 32.0));

        assertThat(s.exactCurrentA()).isCloseTo(47.83, org.assertj.core.data.Offset.offset(0.01));
        assertThat(s.sentCurrentA()).isEqualTo(32.0);
        assertThat(s.explanation()).startsWith("11 kW ÷ (1 phase × 230 V)").contains("clamped to its maximum 32 A");
    }

    @Test
    void aCurrentWithoutAKnownRangeIsSentAsAsked() {
        CurrentSetting s = CurrentSetting.ofCurrent(16.0, new ElectricalData(null, null, null, null));

        assertThat(s.sentCurrentA()).isEqualTo(16.0);
        assertThat(s.clamped()).isFalse();
        assertThat(s.explanation()).isEqualTo("16 A requested; the device's current range is unknown, so it is sent "
                + "as it is");
    }

    @Property
    void theCurrentSentStaysInRangeAndNeverAboveThePowerAskedUnlessRaisedToTheMinimum(
            @ForAll @DoubleRange(min = 0.1, max = 50) double kw, @ForAll @IntRange(min = 1, max = 3) int phases,
            @ForAll @DoubleRange(min = 100, max = 250) double volts) {
        ElectricalData supply = new ElectricalData(phases, volts, 6.0, 32.0);
        CurrentSetting s = CurrentSetting.ofPower(kw, supply);

        assertThat(s.sentCurrentA()).isBetween(6.0, 32.0);
        if (s.sentCurrentA() > 6.0) {
            assertThat(s.sentCurrentA() * phases * volts / 1000).isLessThanOrEqualTo(kw + 1e-9);
            assertThat(s.exactCurrentA() - s.sentCurrentA()).isLessThan(s.clamped() ? Double.MAX_VALUE : 0.1);
        }
    }
}
