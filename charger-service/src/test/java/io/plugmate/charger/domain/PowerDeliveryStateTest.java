package io.plugmate.charger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PowerDeliveryStateTest {

    @ParameterizedTest(name = "plugged={0} charging={1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "null, null, UNKNOWN",
            "null, true, UNKNOWN",
            "false, null, UNPLUGGED",
            "false, true, UNPLUGGED",
            "true, true, PLUGGED_IN:CHARGING",
            "true, false, PLUGGED_IN:STOPPED",
            "true, null, UNKNOWN" })
    void derivedFromTheReport(Boolean plugged, Boolean charging, String expected) {
        assertThat(PowerDeliveryState.of(plugged, charging).wireName()).isEqualTo(expected);
    }
}
