package io.plugmate.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.plugmate.events.CommandOutcome;
import io.plugmate.messaging.CommandLedger.Settlement;
import io.plugmate.oem.OemException;

/**
 * An OEM's 4xx is its refusal (REJECTED at once, in its words); a 408, a 429, a 5xx or no answer at all is trouble,
 * worth another attempt (FAILED only when none is left before the deadline).
 */
class OemFailuresTest {

    @ParameterizedTest(name = "OEM {0} -> {1}")
    @CsvSource({ "400, REJECTED", "401, REJECTED", "404, REJECTED", "422, REJECTED", "429, FAILED", "500, FAILED",
            "503, FAILED" })
    void anOemAnswerIsARefusalOnlyWhenItIsA4xxOtherThan429(int status, CommandOutcome outcome) {
        Settlement settlement = OemFailures.settlement(new OemException(status, null, "OEM answered " + status,
                status == 429 ? Duration.ofSeconds(30) : null));

        assertThat(settlement).isEqualTo(Settlement.refused(outcome, "OEM answered " + status));
    }

    @ParameterizedTest(name = "OEM {0} retryable: {1}")
    @CsvSource({ "400, false", "401, false", "404, false", "409, false", "422, false", "408, true", "429, true",
            "500, true", "502, true", "503, true", "504, true" })
    void onlyThrottlingTimeoutsAndTheOemsOwnFailuresAreWorthAnotherAttempt(int status, boolean retryable) {
        assertThat(OemFailures.retryable(new OemException(status, null, "OEM answered " + status, null)))
                .isEqualTo(retryable);
    }

    @Test
    void theOemsRetryAfterIsTakenFromATroubleAnswerOnly() {
        assertThat(OemFailures.retryAfter(new OemException(503, null, "x", Duration.ofSeconds(5))))
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(OemFailures.retryAfter(new OemException(409, null, "x", Duration.ofSeconds(5)))).isNull();
        assertThat(OemFailures.retryAfter(new IOException("reset"))).isNull();
    }

    @Test
    void noAnswerIsAFailureNamingWhatWentWrongAndWorthAnotherAttempt() {
        assertThat(OemFailures.settlement(new IOException("connection refused")))
                .isEqualTo(Settlement.refused(CommandOutcome.FAILED, "OEM unreachable: IOException"));
        assertThat(OemFailures.retryable(new IOException("connection refused"))).isTrue();
        assertThat(OemFailures.retryable(new RuntimeException(new TimeoutException("no answer")))).isTrue();
    }

    @Test
    void aTimeoutSaysTheOutcomeIsUnknown() {
        assertThat(OemFailures.reason(new TimeoutException("The timeout period of 10000ms has been exceeded")))
                .contains("timeout").contains("may have taken the command");
    }

    @Test
    void aBugIsNotRetried() {
        assertThat(OemFailures.retryable(new IllegalStateException("no such account"))).isFalse();
    }
}
