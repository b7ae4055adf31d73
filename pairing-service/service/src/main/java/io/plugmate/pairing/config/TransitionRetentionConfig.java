package io.plugmate.pairing.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code plugmate.pair-transitions.*}: how long a pair's history is kept. */
@ConfigMapping(prefix = "plugmate.pair-transitions")
public interface TransitionRetentionConfig {

    /**
     * A transition recorded longer ago than this leaves the history ({@code GET /pairs/{id}/history}), except the
     * latest of its pair (the one into its current state), which stays however old it is. Users read this history to
     * understand a pair: over a year, so a yearly pattern stays visible.
     */
    @WithDefault("400d")
    Duration retention();
}
