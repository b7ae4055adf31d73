package io.plugmate.oem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import io.vertx.core.VertxException;

/** No answer (a timeout, a connection that failed) as opposed to the OEM's answer or our own bug. */
class NoAnswerTest {

    @Test
    void aTimeoutAnywhereInTheCausesIsNoAnswerAndSaysSo() {
        RuntimeException wrapped = new RuntimeException(new TimeoutException("The timeout period of 10000ms"));
        assertThat(NoAnswer.timedOut(wrapped)).isTrue();
        assertThat(NoAnswer.of(wrapped)).isTrue();
    }

    @Test
    void aFailedConnectionIsNoAnswerButNoTimeout() {
        assertThat(NoAnswer.of(new ConnectException("Connection refused"))).isTrue();
        assertThat(NoAnswer.of(new VertxException("Connection was closed"))).isTrue();
        assertThat(NoAnswer.timedOut(new ConnectException("Connection refused"))).isFalse();
    }

    @Test
    void anAnswerOrABugIsNot() {
        assertThat(NoAnswer.of(new OemException(503, null, "OEM answered 503", null))).isFalse();
        assertThat(NoAnswer.of(new IllegalStateException("no such account"))).isFalse();
    }
}
