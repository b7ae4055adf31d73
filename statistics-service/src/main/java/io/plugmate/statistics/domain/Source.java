package io.plugmate.statistics.domain;

/** Where a session's energy comes from (architecture §7): the charger's own meter, or telemetry integrated over time. */
public enum Source {
    NATIVE,
    ESTIMATED
}
