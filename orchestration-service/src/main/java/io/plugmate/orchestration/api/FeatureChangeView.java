package io.plugmate.orchestration.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.plugmate.orchestration.persistence.FeatureChangeEntity;

/** One changed toggle value of a client: from, to (null: no override, the default applies), by whom, when. */
@Schema(name = "FeatureChange")
public record FeatureChangeView(String feature, Boolean from, Boolean to,
        @Schema(description = "The admin token's subject") String changedBy,
        @Schema(description = "The admin token's API client") String changedByClient, Instant changedAt) {

    static FeatureChangeView of(FeatureChangeEntity c) {
        return new FeatureChangeView(c.feature, c.oldValue, c.newValue, c.changedBy, c.changedByClient, c.changedAt);
    }

    static final String EXAMPLE = """
            {"data":[{"feature":"command-orchestration","from":null,"to":false,
              "changedBy":"service-account-plugmate-ops","changedByClient":"plugmate-ops",
              "changedAt":"2026-11-24T09:12:44.120Z"}],
             "pagination":{"before":null,"after":null}}
            """;
}
