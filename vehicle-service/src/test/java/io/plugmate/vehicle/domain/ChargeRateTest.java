package io.plugmate.vehicle.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class ChargeRateTest {

    @ParameterizedTest(name = "vehicle={0} charger={1} paired={2} improved={3} enhanced={4} -> {5} {6}")
    @CsvSource(nullValues = "null", value = {
            // paired, improvement on, no enhanced estimate: the wall measurement wins
            "7.0, 7.4, true, true, false, 7.4, CHARGER",
            // ... unless the charger reports no rate
            "7.0, null, true, true, false, 7.0, VEHICLE",
            // enhanced estimate on: the vehicle's own figure
            "7.0, 7.4, true, true, true, 7.0, VEHICLE",
            // improvement switched off: the vehicle's own figure
            "7.0, 7.4, true, false, false, 7.0, VEHICLE",
            // not paired: a charger rate never applies
            "7.0, 7.4, false, true, false, 7.0, VEHICLE",
            "null, 7.4, false, true, false, null, NONE",
            // paired with nothing known from either side
            "null, null, true, true, false, null, NONE",
            // paired, vehicle silent, charger known
            "null, 3.6, true, true, false, 3.6, CHARGER",
            // enhanced on and the vehicle silent: unknown rather than the charger's
            "null, 3.6, true, true, true, null, NONE" })
    void truthTable(Double vehicle, Double charger, boolean paired, boolean improved, boolean enhanced, Double kw,
            ChargeRateSource source) {
        ChargeRate rate = ChargeRate.resolve(new ChargeRate.Inputs(vehicle, charger, paired, improved, enhanced));

        assertThat(rate).isEqualTo(new ChargeRate(kw, source));
    }

    @Property
    void theSourceAlwaysMatchesTheNumber(@ForAll Double vehicle, @ForAll Double charger, @ForAll boolean paired,
            @ForAll boolean improved, @ForAll boolean enhanced) {
        ChargeRate rate = ChargeRate.resolve(new ChargeRate.Inputs(vehicle, charger, paired, improved, enhanced));

        switch (rate.source()) {
            case CHARGER -> assertThat(rate.kw()).isEqualTo(charger).isNotNull();
            case VEHICLE -> assertThat(rate.kw()).isEqualTo(vehicle).isNotNull();
            case NONE -> assertThat(rate.kw()).isNull();
        }
        if (!paired) {
            assertThat(rate.source()).isNotEqualTo(ChargeRateSource.CHARGER);
        }
    }
}
