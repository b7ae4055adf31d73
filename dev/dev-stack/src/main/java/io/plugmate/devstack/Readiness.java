package io.plugmate.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls an HTTP URL until it answers 200, the process dies, or time runs out. */
final class Readiness {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);

    private Readiness() {
    }

    static void await(String name, URI uri, BooleanSupplier alive, Duration timeout, String logHint) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!alive.getAsBoolean()) {
                throw new StartupException(name + " exited during start-up; see " + logHint);
            }
            if (isOk(uri)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StartupException(name + " not ready at " + uri + " after " + timeout.toSeconds() + " s; see "
                        + logHint);
            }
            try {
                Thread.sleep(POLL_INTERVAL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StartupException(name + ": interrupted while waiting for readiness");
            }
        }
    }

    static boolean isOk(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build();
        try {
            return HTTP.send(request, BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
