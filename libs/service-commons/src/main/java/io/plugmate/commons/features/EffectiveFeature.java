package io.plugmate.commons.features;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One toggle as a client experiences it: on or off, and whether that is the service default or its override. */
public record EffectiveFeature(Feature feature, boolean enabled, Source source) {

    public enum Source {
        /** The service's configured default (no override for this client). */
        @JsonProperty("default")
        DEFAULT,
        /** Set for this client through the admin API. */
        @JsonProperty("override")
        OVERRIDE
    }

    public String key() {
        return feature.key();
    }
}
