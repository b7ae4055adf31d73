package io.plugmate.statistics.service;

import java.time.Instant;

/** The stretch of event time an input may have changed decisions in. */
record Window(Instant from, Instant to) {

    Window union(Window other) {
        if (other == null) {
            return this;
        }
        return new Window(from.isBefore(other.from) ? from : other.from, to.isAfter(other.to) ? to : other.to);
    }
}
