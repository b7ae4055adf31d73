package io.plugmate.simulator.world;

import io.plugmate.simulator.domain.OemAccount;
import io.plugmate.simulator.domain.ReportDelivery;

/** A delivery leaving the simulated cloud, with the account whose device produced it. */
public record PublishedReport(ReportDelivery delivery, OemAccount account) {
}
