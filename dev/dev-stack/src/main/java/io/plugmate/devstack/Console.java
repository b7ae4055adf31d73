package io.plugmate.devstack;

import java.time.Duration;

/** The dev stack talks to a person in a terminal: short lines, no logging framework. */
final class Console {

    private Console() {
    }

    static void info(String message) {
        System.out.println("[plugmate] " + message);
    }

    static void warn(String message) {
        System.out.println("[plugmate] WARNING: " + message);
    }

    static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
