package io.plugmate.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.plugmate.events.CommandKind;
import io.plugmate.events.DeviceCommand;
import io.plugmate.events.DeviceType;
import io.plugmate.oem.OemConfig.DeviceKind;

class OemCommandsTest {

    @ParameterizedTest(name = "{0} {1}A {2}kW -> {3}")
    @CsvSource(nullValues = "null", value = {
            "START, null, null, START_CHARGING",
            "STOP, null, null, STOP_CHARGING",
            "SET_MAX_CURRENT, 16, null, SET_MAX_CURRENT",
            // orchestration's conversion of 7.4 kW on three phases at 230 V, sent with the kW for information
            "SET_MAX_CURRENT, 10.7, 7.4, SET_MAX_CURRENT",
            "SET_MAX_CURRENT, null, null, null",
            // a power limit is converted by orchestration, never by a device service
            "SET_MAX_POWER, null, 7.4, null",
            "SET_MAX_POWER, null, null, null" })
    void translatesOurKindsIntoOemCommands(CommandKind kind, Double amps, Double kw, String type) {
        DeviceCommand command = new DeviceCommand(UUID.randomUUID(), 1, "c", "u", Instant.now(), UUID.randomUUID(),
                UUID.randomUUID(), DeviceType.CHARGER, "x", kind, amps, kw, null);

        assertThat(OemCommands.type(command)).isEqualTo(type);
        if (type == null) {
            assertThat(OemCommands.whyNot(command, DeviceKind.charger)).isNotBlank();
        }
    }

    @ParameterizedTest
    @CsvSource({ "SET_MAX_POWER, phases and voltage", "SET_MAX_CURRENT, without maxCurrentA" })
    void saysWhyACommandCannotBeSent(CommandKind kind, String reason) {
        DeviceCommand command = new DeviceCommand(UUID.randomUUID(), 1, "c", "u", Instant.now(), UUID.randomUUID(),
                UUID.randomUUID(), DeviceType.VEHICLE, "x", kind, null, null, null);

        assertThat(OemCommands.whyNot(command, DeviceKind.vehicle)).contains(reason);
    }
}
