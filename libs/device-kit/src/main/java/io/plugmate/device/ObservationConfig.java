package io.plugmate.device;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code plugmate.observations.*}: which OEM observations a device service believes. */
@ConfigMapping(prefix = "plugmate.observations")
public interface ObservationConfig {

    /**
     * How far a report's {@code observedAt} may be ahead of our wall clock (the OEM's clock running a little fast).
     * A report further ahead is refused (a webhook gets 422, the poller skips it) and never becomes the device's
     * state: it would be "newer" than every true report after it and freeze the device until that date. A device whose
     * kept state is already that far ahead takes the next credible report. The local stack's simulator runs its clock
     * ten times faster than the wall clock and resumes it across runs, so the dev stack sets years here.
     */
    @WithDefault("5m")
    Duration futureTolerance();

    /**
     * How long a device's observations (the service's {@code <kind>_observation} table, by {@code received_at}) are
     * kept: they de-duplicate a report delivered again (webhook retry, poll) and feed charger sessions. A report
     * older than this that arrives again is taken as new (published once more, pairing orders by event time).
     */
    @WithDefault("30d")
    Duration retention();
}
