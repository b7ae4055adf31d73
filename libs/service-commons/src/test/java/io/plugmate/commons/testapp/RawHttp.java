package io.plugmate.commons.testapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.eclipse.microprofile.config.ConfigProvider;

/** A request line no HTTP client library would send (they refuse malformed targets): written on a plain socket. */
final class RawHttp {

    private RawHttp() {
    }

    /** The status line, headers and body of {@code GET <target>}, split at the blank line. */
    static String[] get(String target, String token) {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            String request = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\r\n\r\n", 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
