package io.plugmate.vehicle.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PowerDeliveryStateTest {

    @ParameterizedTest(name = "plugged={0} charging={1} full={2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "null, null, null, UNKNOWN",
            "null, true, null, UNKNOWN",
            "false, null, null, UNPLUGGED",
            "false, true, null, UNPLUGGED",
            "true, true, false, PLUGGED_IN:CHARGING",
            "true, false, true, PLUGGED_IN:COMPLETE",
            "true, false, false, PLUGGED_IN:STOPPED",
            "true, false, null, PLUGGED_IN:STOPPED",
            "true, null, true, PLUGGED_IN:COMPLETE",
            "true, null, null, UNKNOWN" })
    void derivedFromTheReport(Boolean plugged, Boolean charging, Boolean full, String expected) {
        assertThat(PowerDeliveryState.of(plugged, charging, full).wireName()).isEqualTo(expected);
    }
}
