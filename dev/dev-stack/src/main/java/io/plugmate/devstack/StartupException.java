package io.plugmate.devstack;

/** A start-up failure with a message meant for the person at the terminal (no stack trace needed). */
final class StartupException extends RuntimeException {

    StartupException(String message) {
        super(message);
    }

    StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
