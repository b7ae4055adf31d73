package io.plugmate.commons.features;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/** A client's effective toggles: its override where it has one, else this service's configured default. */
@ApplicationScoped
public class FeatureToggles {

    private final Map<Feature, Boolean> defaults;
    private final FeatureOverrides overrides;

    public FeatureToggles(FeaturesConfig config, FeatureOverrides overrides) {
        this.defaults = Collections.unmodifiableMap(FeatureDefaults.of(config.defaults()));
        this.overrides = overrides;
    }

    public boolean isEnabled(String clientId, Feature feature) {
        return overrides.of(clientId).getOrDefault(feature, defaults.get(feature));
    }

    /** Every feature with its effective value, in declaration order. */
    public Map<Feature, Boolean> effective(String clientId) {
        Map<Feature, Boolean> effective = new EnumMap<>(defaults);
        effective.putAll(overrides.of(clientId));
        return Collections.unmodifiableMap(effective);
    }

    public Map<Feature, Boolean> defaults() {
        return defaults;
    }
}
