package io.plugmate.devstack;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void namesTheBusyPort() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> Ports.requireFree(List.of(busy.getLocalPort())))
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining(Integer.toString(busy.getLocalPort()))
                    .hasMessageContaining("./plugmate run");
        }
    }

    @Test
    void acceptsFreePorts() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThatCode(() -> Ports.requireFree(List.of(port))).doesNotThrowAnyException();
    }
}
