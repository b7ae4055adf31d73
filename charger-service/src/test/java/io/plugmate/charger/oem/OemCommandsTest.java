package io.plugmate.charger.oem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.events.CommandKind;
import io.plugmate.events.DeviceCommand;
import io.plugmate.events.DeviceType;

class OemCommandsTest {

    @ParameterizedTest(name = "{0} {1}A {2}kW on {3}x{4}V -> {5} {6}")
    @CsvSource(nullValues = "null", value = {
            "START, null, null, 3, 230, START_CHARGING, null",
            "STOP, null, null, null, null, STOP_CHARGING, null",
            "SET_MAX_CURRENT, 16, null, null, null, SET_MAX_CURRENT, 16",
            "SET_MAX_CURRENT, null, null, 3, 230, null, null",
            // 11 kW on three phases at 230 V: 15.94 A, rounded down so the limit is never exceeded
            "SET_MAX_POWER, null, 11, 3, 230, SET_MAX_CURRENT, 15",
            "SET_MAX_POWER, null, 7.4, 1, 230, SET_MAX_CURRENT, 32",
            "SET_MAX_POWER, null, 7.4, null, 230, null, null",
            "SET_MAX_POWER, null, null, 3, 230, null, null",
            "SET_MAX_POWER, null, 7.4, 0, 230, null, null" })
    void translatesOurKindsIntoOemCommands(CommandKind kind, Double amps, Double kw, Integer phases, Double volts,
            String type, Double sentAmps) {
        ChargerEntity charger = new ChargerEntity();
        charger.phases = phases;
        charger.voltageV = volts;
        DeviceCommand command = new DeviceCommand(UUID.randomUUID(), 1, "c", "u", Instant.now(), UUID.randomUUID(),
                UUID.randomUUID(), DeviceType.CHARGER, "x", kind, amps, kw, null);

        assertThat(OemCommands.type(command, charger)).isEqualTo(type);
        assertThat(OemCommands.amps(command, charger)).isEqualTo(sentAmps);
        if (type == null) {
            assertThat(OemCommands.whyNot(command, charger)).isNotBlank();
        }
    }
}
