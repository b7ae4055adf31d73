package io.plugmate.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The controller listener's port, kept with the data: a persistent broker comes back on the port its metadata log
 * knows its voter by, instead of a new random one each start.
 */
final class StoredControllerPort {

    interface PortSource {
        int pick() throws IOException;
    }

    private StoredControllerPort() {
    }

    static int reuseOrPick(Path dataDirectory, PortSource free) throws IOException {
        Path file = dataDirectory.resolve("controller.port");
        if (Files.exists(file)) {
            try {
                return Integer.parseInt(Files.readString(file).trim());
            } catch (NumberFormatException e) {
                // unreadable: pick a new one below
            }
        }
        int port = free.pick();
        try {
            Files.writeString(file, Integer.toString(port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return port;
    }
}
