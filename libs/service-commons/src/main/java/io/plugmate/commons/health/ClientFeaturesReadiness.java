package io.plugmate.commons.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.plugmate.commons.features.ClientFeaturesSubscription;
import io.plugmate.commons.features.FeatureOverrides;

/**
 * Not ready until the client-features topic has been replayed: before that, a request could be served with a
 * client's defaults although the client switched a feature off (e.g. command orchestration).
 */
@Readiness
@ApplicationScoped
public class ClientFeaturesReadiness implements HealthCheck {

    static final String NAME = "client-features";

    private final ClientFeaturesSubscription subscription;
    private final FeatureOverrides overrides;

    public ClientFeaturesReadiness(ClientFeaturesSubscription subscription, FeatureOverrides overrides) {
        this.subscription = subscription;
        this.overrides = overrides;
    }

    @Override
    public HealthCheckResponse call() {
        ClientFeaturesSubscription.State state = subscription.state();
        return HealthCheckResponse.named(NAME)
                .status(state != ClientFeaturesSubscription.State.REPLAYING)
                .withData("state", state.name())
                .withData("status", subscription.status())
                .withData("clientsWithOverrides", overrides.clientCount())
                .build();
    }
}
