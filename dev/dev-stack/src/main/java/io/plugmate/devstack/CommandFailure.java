package io.plugmate.devstack;

/** A command-line tool ({@code ./plugmate token|link}) cannot go on; the message is for the person at the terminal. */
final class CommandFailure extends RuntimeException {

    CommandFailure(String message) {
        super(message);
    }

    /** Prints the message and exits with status 1: how every tool ends on a failure. */
    static void exit(CommandFailure failure) {
        System.err.println("[plugmate] ERROR: " + failure.getMessage());
        System.exit(1);
    }
}
