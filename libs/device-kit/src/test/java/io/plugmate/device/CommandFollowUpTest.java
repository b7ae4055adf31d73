package io.plugmate.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.plugmate.events.CommandOutcome;

/** A late OEM failure: a refusal of the command (REJECTED, not retried) or trouble carrying it out (FAILED). */
class CommandFollowUpTest {

    @Test
    void nothingPluggedInIsARefusalUnreachableOrOfflineIsAFailure() {
        assertThat(CommandFollowUp.lateOutcome("NOT_PLUGGED_IN")).isEqualTo(CommandOutcome.REJECTED);
        assertThat(CommandFollowUp.lateOutcome("VEHICLE_UNREACHABLE")).isEqualTo(CommandOutcome.FAILED);
        assertThat(CommandFollowUp.lateOutcome("CHARGER_OFFLINE")).isEqualTo(CommandOutcome.FAILED);
        assertThat(CommandFollowUp.lateOutcome("unknown")).isEqualTo(CommandOutcome.FAILED);
    }
}
