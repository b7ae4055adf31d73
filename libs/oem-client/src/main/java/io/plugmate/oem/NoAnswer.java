package io.plugmate.oem;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import io.vertx.core.VertxException;

/**
 * A call that got no answer from the OEM, as opposed to an answer ({@link OemException}): a timeout (the request may
 * have arrived and been acted on) or a connection refused, reset or closed.
 */
public final class NoAnswer {

    private NoAnswer() {
    }

    /** Vert.x' client says "The timeout period of …ms has been exceeded" with a NoStackTraceTimeoutException. */
    public static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }

    /** A timeout or an I/O failure of the connection, here or anywhere in the causes. */
    public static boolean of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof VertxException || timedOut(t)) {
                return true;
            }
        }
        return false;
    }
}
