package io.plugmate.pairing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The detectors an instance keeps in memory between batches (persistence.DetectorCache, ADR 0020). */
@ConfigMapping(prefix = "plugmate.pairing.detector-cache")
public interface DetectorCacheConfig {

    /**
     * Users whose latest stored snapshot is kept, least recently used dropped first; 0 keeps none (every input reads
     * the snapshot back). A snapshot takes about {@code dev/benchmarks}' measured size in memory (see the README).
     */
    @WithDefault("500")
    int size();
}
