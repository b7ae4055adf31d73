package io.plugmate.device;

import java.time.Duration;

import io.plugmate.events.CommandOutcome;
import io.plugmate.messaging.CommandLedger.Settlement;
import io.plugmate.oem.NoAnswer;
import io.plugmate.oem.OemException;

/**
 * What a failed OEM call means for a command: the OEM's refusal (a 4xx other than 408 and 429: REJECTED at once, in its
 * words), or trouble worth another attempt — throttled (429), the OEM failing (5xx) or no answer at all (a timeout, a
 * lost connection: the OEM may have taken the command, the outcome is unknown). Trouble becomes FAILED only when no
 * attempt is left before the deadline.
 */
final class OemFailures {

    private OemFailures() {
    }

    /** A failure that is not worth another attempt: REJECTED for the OEM's refusal, FAILED for anything else. */
    static Settlement settlement(Throwable failure) {
        if (failure instanceof OemException e) {
            return Settlement.refused(e.isRefusal() ? CommandOutcome.REJECTED : CommandOutcome.FAILED, e.getMessage());
        }
        return Settlement.refused(CommandOutcome.FAILED, reason(failure));
    }

    /** Worth the same request again (it carries its idempotency key, so the OEM takes the command at most once). */
    static boolean retryable(Throwable failure) {
        return failure instanceof OemException e ? e.isRetryable() : NoAnswer.of(failure);
    }

    /** The OEM's {@code Retry-After}, or null. */
    static Duration retryAfter(Throwable failure) {
        return failure instanceof OemException e && e.isRetryable() ? e.retryAfter() : null;
    }

    /** What the last attempt got, as a command's reason. */
    static String reason(Throwable failure) {
        if (failure instanceof OemException e) {
            return e.getMessage();
        }
        return NoAnswer.timedOut(failure) ? "OEM unreachable: timeout (no answer in time: the OEM may have taken the command)"
                : "OEM unreachable: " + failure.getClass().getSimpleName();
    }
}
