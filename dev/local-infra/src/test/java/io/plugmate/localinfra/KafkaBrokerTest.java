package io.plugmate.localinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    Path temp;

    @Test
    void startsAReachableBrokerAndStopsIt() throws Exception {
        KafkaBroker broker = KafkaBroker.startThrowaway(temp.resolve("kafka.log"));
        long pid = broker.pid();
        String[] hostPort = broker.bootstrapServers().split(":");
        try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
            assertThat(socket.isConnected()).isTrue();
        } finally {
            broker.close();
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
}
