package io.plugmate.statistics.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.plugmate.statistics.domain.Attribution;
import io.plugmate.statistics.domain.CrossCheck;
import io.plugmate.statistics.domain.Gap;
import io.plugmate.statistics.domain.Reconciler;
import io.plugmate.statistics.domain.StatisticsSettings;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The rules' numbers. Deliberately not configurable: they are what the benchmark measured, and an offline replay of the
 * topics (the benchmark's {@code StatisticsLedger}) decides exactly what the live service decides.
 */
// the JSON columns are read and written by Jackson, also in a native image
@RegisterForReflection(targets = { Attribution.class, Attribution.Candidate.class, CrossCheck.class, Gap.class })
@Singleton
public class StatisticsConfig {

    @Produces
    @Singleton
    StatisticsSettings settings() {
        return StatisticsSettings.defaults();
    }

    @Produces
    @Singleton
    Reconciler reconciler(StatisticsSettings settings) {
        return new Reconciler(settings);
    }
}
