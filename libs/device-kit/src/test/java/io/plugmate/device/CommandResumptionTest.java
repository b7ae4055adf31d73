package io.plugmate.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.device.CommandTargets.CommandTarget;
import io.plugmate.events.CommandKind;
import io.plugmate.events.DeviceCommand;
import io.plugmate.events.DeviceType;
import io.plugmate.messaging.CommandLedger.Pending;

/** What becomes of a command found due after its instance stopped (docs/adr/0014, revised); the target round-trips. */
class CommandResumptionTest {

    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");

    private static Pending pending(Instant deadline, int attempts, String lastError, boolean superseded) {
        DeviceCommand command = new DeviceCommand(UUID.randomUUID(), 1, "client", "user", NOW, UUID.randomUUID(),
                UUID.randomUUID(), DeviceType.VEHICLE, "vehicle-1", CommandKind.START, null, null, deadline);
        return new Pending(command, "{}", deadline, attempts, lastError, superseded);
    }

    @Test
    void aCommandWithTimeLeftIsResumed() {
        assertThat(CommandResumption.ended(pending(NOW.plusSeconds(1), 1, "OEM answered 503: busy", false), NOW))
                .isNull();
        assertThat(CommandResumption.ended(pending(NOW.plusSeconds(1), 0, null, false), NOW)).isNull();
    }

    @Test
    void aCommandPastItsDeadlineFailsWithItsAttemptsAndTheLastFailure() {
        assertThat(CommandResumption.ended(pending(NOW, 2, "OEM answered 503: busy", false), NOW))
                .startsWith("2 attempt(s) before the deadline 2026-12-06T03:00:00Z; the last: OEM answered 503: busy")
                .endsWith("the device service stopped before the next");
        assertThat(CommandResumption.ended(pending(NOW.minusSeconds(1), 1, null, false), NOW))
                .contains("the last: no answer recorded").contains("the OEM may have taken the command");
        assertThat(CommandResumption.ended(pending(NOW.minusSeconds(1), 0, null, false), NOW))
                .startsWith("deadline 2026-12-06T02:59:59Z passed before the first attempt");
    }

    @Test
    void aLaterCommandForTheDeviceSupersedesItWhateverTheTimeLeft() {
        assertThat(CommandResumption.ended(pending(NOW.plusSeconds(60), 1, "OEM answered 429: slow down", true), NOW))
                .isEqualTo("superseded by a later command for the device after 1 attempt(s); the last: OEM answered "
                        + "429: slow down");
        assertThat(CommandResumption.ended(pending(NOW.minusSeconds(60), 1, null, true), NOW)).startsWith("superseded");
    }

    @Test
    void theTargetKeptInTheRowIsTheTargetSent() {
        CommandTarget target = new CommandTarget(new LinkedDevice("vehicle-1", "client", "user", UUID.randomUUID(),
                "AMPERIA", "veh-001", NOW, NOW.minusSeconds(3600)), "SET_MAX_CURRENT", 10.5, "why not");
        assertThat(CommandTarget.fromJson(target.json())).isEqualTo(target);
    }
}
