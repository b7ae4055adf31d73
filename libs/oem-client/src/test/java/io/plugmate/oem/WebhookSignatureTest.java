package io.plugmate.oem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.plugmate.oem.WebhookSignature.Verdict;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_0123456789abcdef";
    private static final byte[] BODY = "{\"event\":\"vehicle.state\"}".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    private static Verdict verify(String header, byte[] body) {
        return WebhookSignature.verify(header, body, SECRET, NOW, FIVE_MINUTES);
    }

    @Test
    void aFreshCorrectSignatureIsValid() {
        assertThat(verify(WebhookSignature.header(SECRET, NOW.getEpochSecond() - 30, BODY), BODY))
                .isEqualTo(Verdict.VALID);
    }

    @Test
    void aChangedBodyOrWrongSecretIsAMismatch() {
        String header = WebhookSignature.header(SECRET, NOW.getEpochSecond(), BODY);

        assertThat(verify(header, "{\"event\":\"charger.state\"}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Verdict.MISMATCH);
        assertThat(verify(WebhookSignature.header("whsec_other-secret!", NOW.getEpochSecond(), BODY), BODY))
                .isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void aChangedTimestampIsAMismatchAndAnOldOneIsStale() {
        String signedLongAgo = WebhookSignature.header(SECRET, NOW.getEpochSecond() - 600, BODY);
        String v1 = signedLongAgo.substring(signedLongAgo.indexOf("v1="));

        assertThat(verify(signedLongAgo, BODY)).isEqualTo(Verdict.STALE);
        assertThat(verify("t=" + NOW.getEpochSecond() + "," + v1, BODY)).isEqualTo(Verdict.MISMATCH);
    }

    @Test
    void garbageIsMalformed() {
        assertThat(verify(null, BODY)).isEqualTo(Verdict.MALFORMED);
        assertThat(verify("", BODY)).isEqualTo(Verdict.MALFORMED);
        assertThat(verify("t=abc,v1=00", BODY)).isEqualTo(Verdict.MALFORMED);
        assertThat(verify("t=1,v1=XYZ", BODY)).isEqualTo(Verdict.MALFORMED);
        assertThat(verify("v1=" + "a".repeat(64), BODY)).isEqualTo(Verdict.MALFORMED);
    }
}
