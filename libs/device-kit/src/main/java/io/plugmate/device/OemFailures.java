package io.plugmate.device;

import io.plugmate.events.CommandOutcome;
import io.plugmate.messaging.CommandLedger.Settlement;
import io.plugmate.oem.OemException;

/** What a failed OEM call means for a command: the OEM's refusal, or trouble reaching it. */
final class OemFailures {

    private OemFailures() {
    }

    static Settlement settlement(Throwable failure) {
        if (failure instanceof OemException e) {
            return Settlement.refused(e.isRefusal() ? CommandOutcome.REJECTED : CommandOutcome.FAILED, e.getMessage());
        }
        return Settlement.refused(CommandOutcome.FAILED, "OEM unreachable: " + failure.getClass().getSimpleName());
    }
}
