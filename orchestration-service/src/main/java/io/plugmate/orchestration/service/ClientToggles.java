package io.plugmate.orchestration.service;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.type.TypeReference;

import io.plugmate.commons.features.EffectiveFeature;
import io.plugmate.commons.features.Feature;
import io.plugmate.commons.features.FeatureToggles;
import io.plugmate.events.EventJson;
import io.plugmate.orchestration.domain.Toggles;
import io.plugmate.orchestration.persistence.ClientFeaturesEntity;
import io.plugmate.orchestration.persistence.FeatureRepository;
import io.smallrye.mutiny.Uni;

/**
 * A client's toggles as this service decides with them: its overrides from this service's own table (the admin API
 * writes them here, in the transaction that publishes them), else the configured defaults. Reading the owner's table
 * rather than the replayed topic makes a decision and the toggle change it races with take turns on the user's lock
 * (docs/adr/0009); every other service follows the topic.
 */
@ApplicationScoped
public class ClientToggles {

    private static final TypeReference<Map<String, Boolean>> MAP = new TypeReference<>() {
    };

    private final FeatureRepository repository;
    private final FeatureToggles toggles;

    public ClientToggles(FeatureRepository repository, FeatureToggles toggles) {
        this.repository = repository;
        this.toggles = toggles;
    }

    public Uni<Map<Feature, Boolean>> overrides(String clientId) {
        return repository.findById(clientId).map(ClientToggles::overridesOf);
    }

    public Uni<Toggles> of(String clientId) {
        return overrides(clientId).map(this::resolve);
    }

    /** The toggles of a client whose row was read with something else (null: no overrides). */
    public Toggles of(ClientFeaturesEntity row) {
        return resolve(overridesOf(row));
    }

    private static Map<Feature, Boolean> overridesOf(ClientFeaturesEntity row) {
        return row == null ? Map.of() : parse(row.overrides);
    }

    public Toggles resolve(Map<Feature, Boolean> overrides) {
        Map<Feature, Boolean> effective = new EnumMap<>(toggles.defaults());
        effective.putAll(overrides);
        return new Toggles(effective.get(Feature.CAPABILITY_UNLOCKING), effective.get(Feature.COMMAND_ORCHESTRATION),
                effective.get(Feature.UNIFIED_CHARGER_CONTROLS));
    }

    public List<EffectiveFeature> describe(Map<Feature, Boolean> overrides) {
        return toggles.describe(overrides);
    }

    /** Keys no longer known (a feature retired) are dropped, like every reader of client-features does. */
    static Map<Feature, Boolean> parse(String json) {
        Map<Feature, Boolean> overrides = new EnumMap<>(Feature.class);
        try {
            EventJson.mapper().readValue(json, MAP)
                    .forEach((key, on) -> Feature.fromKey(key).ifPresent(f -> overrides.put(f, on)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored overrides cannot be read");
        }
        return overrides;
    }

    static Map<String, Boolean> byKey(Map<Feature, Boolean> overrides) {
        Map<String, Boolean> byKey = new LinkedHashMap<>();
        new EnumMap<>(overrides).forEach((feature, on) -> byKey.put(feature.key(), on));
        return byKey;
    }
}
