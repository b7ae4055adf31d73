package io.plugmate.device;

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
    void aVehicleStateDerivedFromTheReport(Boolean plugged, Boolean charging, Boolean full, String expected) {
        assertThat(PowerDeliveryState.of(plugged, charging, full).wireName()).isEqualTo(expected);
    }

    /** A charger does not know whether the battery is full. */
    @ParameterizedTest(name = "plugged={0} charging={1} -> {2}")
    @CsvSource(nullValues = "null", value = {
            "null, null, UNKNOWN",
            "null, true, UNKNOWN",
            "false, null, UNPLUGGED",
            "false, true, UNPLUGGED",
            "true, true, PLUGGED_IN:CHARGING",
            "true, false, PLUGGED_IN:STOPPED",
            "true, null, UNKNOWN" })
    void aChargerStateDerivedFromTheReport(Boolean plugged, Boolean charging, String expected) {
        assertThat(PowerDeliveryState.of(plugged, charging).wireName()).isEqualTo(expected);
    }
}
