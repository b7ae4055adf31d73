package io.plugmate.orchestration.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.plugmate.orchestration.domain.Policies;

/** The domain's deadline and retry policy, from {@link OrchestrationConfig}. */
public class PoliciesProducer {

    @Produces
    @Singleton
    Policies policies(OrchestrationConfig config) {
        return new Policies(config.deadlines().defaultDeadline(), config.deadlines().vendors(),
                config.retry().maxAttempts(), config.retry().backoff());
    }
}
