package io.plugmate.devstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Collection;
import java.util.List;

/** Refuses to start on a busy port: half a stack talking to a leftover one is a confusing afternoon. */
final class Ports {

    private Ports() {
    }

    static boolean inUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void requireFree(Collection<Integer> ports) {
        List<Integer> busy = ports.stream().filter(Ports::inUse).sorted().toList();
        if (!busy.isEmpty()) {
            throw new StartupException("Port(s) " + busy + " already in use. Is another `./plugmate run` running? "
                    + "Find the owner with: ss -ltnp | grep -E ':(" + String.join("|", busy.stream().map(String::valueOf)
                            .toList())
                    + ")\\b'");
        }
    }
}
