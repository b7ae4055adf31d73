package io.plugmate.orchestration.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.orchestration.domain.Action;
import io.plugmate.orchestration.domain.ActionRequest;
import io.plugmate.orchestration.domain.FailureType;
import io.plugmate.orchestration.domain.Routing;
import io.plugmate.orchestration.domain.RoutingDecision;
import io.plugmate.orchestration.domain.Toggles;
import io.plugmate.orchestration.persistence.DeviceRepository;
import io.smallrye.mutiny.Uni;

/** Routing again for a pending action, with the facts and toggles of now: before a retry, when its pair ends. */
@ApplicationScoped
public class Rechecks {

    private final DeviceRepository devices;
    private final DeviceFactsLoader loader;
    private final ClientToggles toggles;

    public Rechecks(DeviceRepository devices, DeviceFactsLoader loader, ClientToggles toggles) {
        this.devices = devices;
        this.loader = loader;
        this.toggles = toggles;
    }

    public Uni<RoutingDecision> recheck(Action action) {
        ActionRequest request = new ActionRequest(action.targetType(), action.targetId(), action.kind(),
                action.maxCurrentA(), action.maxPowerKw());
        // the target with the client's toggles in one statement (no Idempotency-Key: a recheck creates nothing)
        return devices.findCommandTarget(action.clientId(), action.targetType(), action.targetId(), null)
                .chain(target -> {
                    if (target == null) {
                        return Uni.createFrom().item(new RoutingDecision(List.of(), List.of(), null, null,
                                FailureType.DEVICE_REMOVED.because("The " + action.targetType().wireName()
                                        + " was unlinked.")));
                    }
                    Toggles t = toggles.of(target.features());
                    return loader.around(target.device()).map(s -> Routing.decide(s.routing(request, t)));
                });
    }
}
