package io.plugmate.pairing.domain;

import java.time.Instant;

/**
 * What outlives one plug-in: a person's verdict and how often the two were plugged in and out together.
 *
 * @param sharedEpisodes activations that ended with both devices reporting the unplug at the same time
 * @param accountedPlugIn the vehicle's first plug-in report (its own clock) of the latest plug-in the pair was
 *        activated in, or whose end without an activation is in its history (see {@link UnactivatedSessions}); null
 *        when none (a snapshot from before this field reads as none)
 */
public record PairMemory(Verdict verdict, Instant verdictAt, int sharedEpisodes, Instant accountedPlugIn) {

    static final PairMemory NONE = new PairMemory(null, null, 0, null);

    PairMemory withVerdict(Verdict v, Instant at) {
        return new PairMemory(v, at, sharedEpisodes, accountedPlugIn);
    }

    PairMemory withSharedEpisode() {
        return new PairMemory(verdict, verdictAt, sharedEpisodes + 1, accountedPlugIn);
    }

    PairMemory accountingFor(Instant vehiclePlugIn) {
        return new PairMemory(verdict, verdictAt, sharedEpisodes, vehiclePlugIn);
    }

    /** The pair was activated in, or has accounted for, the plug-in that began with this vehicle report or a later one. */
    boolean accountsFor(Instant vehiclePlugIn) {
        return accountedPlugIn != null && !accountedPlugIn.isBefore(vehiclePlugIn);
    }
}
