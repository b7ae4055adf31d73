package io.plugmate.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * The fault suite's load must outlive the service it asks: a killed orchestration-service (nothing listening) or one
 * that never answers is a status of the action, never an exception that ends the load's thread — which stopped the
 * simulated world's time mid-step and showed up as a plug-in with no report at all (issue 13, the orchestration row).
 */
class LoadTest {

    @Test
    void aServiceThatIsNotListeningIsRefusedNotThrown() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Load.Answer answer = Load.charging("http://127.0.0.1:" + port, "token", "vehicle-1", "STOP",
                Duration.ofSeconds(5));
        assertThat(answer).isEqualTo(new Load.Answer(Load.REFUSED, null));
    }

    @Test
    void aServiceThatNeverAnswersIsNoAnswerNotAWaitForever() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) { // accepts (the backlog) and never answers
            Load.Answer answer = Load.charging("http://127.0.0.1:" + silent.getLocalPort(), "token", "vehicle-1",
                    "START", Duration.ofMillis(300));
            assertThat(answer).isEqualTo(new Load.Answer(Load.NO_ANSWER, null));
        }
    }
}
