package io.plugmate.pairing.domain;

import java.time.Instant;

/**
 * What outlives one plug-in: a person's verdict and how often the two were plugged in and out together.
 *
 * @param sharedEpisodes activations that ended with both devices reporting the unplug at the same time
 */
public record PairMemory(Verdict verdict, Instant verdictAt, int sharedEpisodes) {

    static final PairMemory NONE = new PairMemory(null, null, 0);

    PairMemory withVerdict(Verdict v, Instant at) {
        return new PairMemory(v, at, sharedEpisodes);
    }

    PairMemory withSharedEpisode() {
        return new PairMemory(verdict, verdictAt, sharedEpisodes + 1);
    }
}
