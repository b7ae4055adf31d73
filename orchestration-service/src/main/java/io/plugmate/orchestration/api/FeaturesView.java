package io.plugmate.orchestration.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.plugmate.commons.features.EffectiveFeature;

/** A client's effective toggles, each with where its value comes from. */
@Schema(name = "Features")
public record FeaturesView(@Schema(example = "acme-energy") String clientId, List<FeatureView> features,
        @Schema(description = "When an admin last changed the overrides; null if never") Instant updatedAt,
        @Schema(description = "Who did (the admin token's subject); null if never") String updatedBy) {

    @Schema(name = "Feature")
    public record FeatureView(@Schema(example = "command-orchestration") String key, boolean enabled,
            @Schema(enumeration = {
                    "default", "override" }) String source){

        static FeatureView of(EffectiveFeature f) {
            return new FeatureView(f.key(), f.enabled(),
                    f.source() == EffectiveFeature.Source.OVERRIDE ? "override" : "default");
        }
    }

    static FeaturesView of(String clientId, List<EffectiveFeature> features, Instant updatedAt, String updatedBy) {
        return new FeaturesView(clientId, features.stream().map(FeatureView::of).toList(), updatedAt, updatedBy);
    }

    static final String EXAMPLE = """
            {"clientId":"acme-energy","features":[
              {"key":"pairing-detection","enabled":true,"source":"default"},
              {"key":"improved-charge-rate","enabled":true,"source":"default"},
              {"key":"enhanced-charge-rate-estimate","enabled":false,"source":"default"},
              {"key":"capability-unlocking","enabled":true,"source":"default"},
              {"key":"command-orchestration","enabled":false,"source":"override"},
              {"key":"native-session-statistics","enabled":true,"source":"default"},
              {"key":"unified-charger-controls","enabled":false,"source":"default"}],
             "updatedAt":"2026-11-24T09:12:44.120Z","updatedBy":"service-account-plugmate-ops"}
            """;
}
