package io.plugmate.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.device.CommandTargets.CommandTarget;
import io.plugmate.events.CommandKind;
import io.plugmate.events.CommandOutcome;
import io.plugmate.events.DeviceCommand;
import io.plugmate.events.DeviceType;
import io.plugmate.messaging.CommandLedger.Settlement;
import io.plugmate.oem.OemConfig.DeviceKind;

/** The checks before a command is sent, the same for every device kind; the first reason that applies wins. */
class CommandExecutionTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static DeviceCommand command(Instant deadline) {
        return new DeviceCommand(UUID.randomUUID(), 1, "client", "user", NOW, UUID.randomUUID(), UUID.randomUUID(),
                DeviceType.CHARGER, "device-1", CommandKind.SET_MAX_POWER, null, 7.4, deadline);
    }

    private static CommandTarget target(UUID accountId, String oemType) {
        return new CommandTarget(new LinkedDevice("device-1", "client", "user", accountId, "ZAPLINE", "oem-1", null, NOW),
                oemType, 16.0,
                "the charger's phases and voltage are unknown");
    }

    private static Settlement precheck(DeviceCommand command, CommandTarget target) {
        return CommandExecution.precheck(command, target, DeviceKind.charger, NOW);
    }

    @Test
    void aCommandForAKnownLinkedDeviceWithinItsDeadlineIsSent() {
        assertThat(precheck(command(NOW.plusSeconds(60)), target(UUID.randomUUID(), "SET_MAX_CURRENT"))).isNull();
        assertThat(precheck(command(null), target(UUID.randomUUID(), "SET_MAX_CURRENT"))).isNull();
        // a deadline is passed only once it lies before now
        assertThat(precheck(command(NOW), target(UUID.randomUUID(), "SET_MAX_CURRENT"))).isNull();
    }

    @Test
    void anUnknownOrForeignDeviceIsRejectedInTheServicesWords() {
        assertThat(precheck(command(null), null))
                .isEqualTo(Settlement.refused(CommandOutcome.REJECTED, "unknown charger"));
        assertThat(CommandExecution.precheck(command(null), null, DeviceKind.vehicle, NOW).reason())
                .isEqualTo("unknown vehicle");
    }

    @Test
    void aDeviceWhoseAccountIsGoneIsRejectedBeforeTheDeadlineIsLookedAt() {
        assertThat(precheck(command(NOW.minusSeconds(1)), target(null, null)))
                .isEqualTo(Settlement.refused(CommandOutcome.REJECTED, "charger has no linked OEM account"));
    }

    @Test
    void aPassedDeadlineTimesOutBeforeTheTranslationIsLookedAt() {
        assertThat(precheck(command(NOW.minusSeconds(1)), target(UUID.randomUUID(), null))).isEqualTo(
                Settlement.refused(CommandOutcome.TIMED_OUT, "deadline passed before the command was sent"));
    }

    @Test
    void aCommandTheDeviceCannotTakeIsRejectedWithTheServicesReason() {
        assertThat(precheck(command(NOW.plusSeconds(60)), target(UUID.randomUUID(), null))).isEqualTo(
                Settlement.refused(CommandOutcome.REJECTED, "the charger's phases and voltage are unknown"));
    }
}
