package io.plugmate.simulator.oem;

import java.time.Duration;

import jakarta.inject.Singleton;

/**
 * An outage of every OEM cloud's device API, switched on and off through {@code /sandbox/oem-outage}: each request is
 * answered with {@code status} (429 with {@code Retry-After}, or a 5xx), or — with status 0 — carried out at once but
 * answered only after {@code delay}, so a client that gives up earlier never learns that its command was accepted.
 * Wall clock, like the rate limit: it faces the platform's real clients.
 */
@Singleton
public class OemOutage {

    public record State(int status, Duration delay) {
        static final State NONE = new State(0, Duration.ZERO);
    }

    private volatile State state = State.NONE;

    public State state() {
        return state;
    }

    public void set(State state) {
        this.state = state == null ? State.NONE : state;
    }
}
