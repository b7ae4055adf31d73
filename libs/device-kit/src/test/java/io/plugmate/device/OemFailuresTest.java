package io.plugmate.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.plugmate.events.CommandOutcome;
import io.plugmate.messaging.CommandLedger.Settlement;
import io.plugmate.oem.OemException;

/** An OEM's 4xx is its refusal (REJECTED, in its words); a 429, a 5xx or no answer at all is trouble (FAILED). */
class OemFailuresTest {

    @ParameterizedTest(name = "OEM {0} -> {1}")
    @CsvSource({ "400, REJECTED", "401, REJECTED", "404, REJECTED", "422, REJECTED", "429, FAILED", "500, FAILED",
            "503, FAILED" })
    void anOemAnswerIsARefusalOnlyWhenItIsA4xxOtherThan429(int status, CommandOutcome outcome) {
        Settlement settlement = OemFailures.settlement(new OemException(status, null, "OEM answered " + status,
                status == 429 ? Duration.ofSeconds(30) : null));

        assertThat(settlement).isEqualTo(Settlement.refused(outcome, "OEM answered " + status));
    }

    @Test
    void noAnswerIsAFailureNamingWhatWentWrong() {
        assertThat(OemFailures.settlement(new IOException("connection refused")))
                .isEqualTo(Settlement.refused(CommandOutcome.FAILED, "OEM unreachable: IOException"));
    }
}
