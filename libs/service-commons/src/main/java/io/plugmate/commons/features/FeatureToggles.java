package io.plugmate.commons.features;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
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

    /** Every feature with its effective value for the client and where the value comes from, in declaration order. */
    public List<EffectiveFeature> describe(String clientId) {
        return describe(overrides.of(clientId));
    }

    /**
     * The same for a given override set, e.g. the one the toggles' owner keeps in its own store (which it may have
     * changed before the topic replays it back). Overrides of no known feature cannot occur: the map is keyed by
     * {@link Feature}.
     */
    public List<EffectiveFeature> describe(Map<Feature, Boolean> clientOverrides) {
        return defaults.keySet().stream().map(feature -> clientOverrides.containsKey(feature)
                ? new EffectiveFeature(feature, clientOverrides.get(feature), EffectiveFeature.Source.OVERRIDE)
                : new EffectiveFeature(feature, defaults.get(feature), EffectiveFeature.Source.DEFAULT)).toList();
    }
}
