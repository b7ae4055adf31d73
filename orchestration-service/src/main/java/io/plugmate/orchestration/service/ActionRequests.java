package io.plugmate.orchestration.service;

import io.plugmate.orchestration.domain.ActionRequest;

/** The request an Idempotency-Key stands for, as text: a retry must ask for exactly the same thing. */
final class ActionRequests {

    private ActionRequests() {
    }

    static String fingerprint(ActionRequest r) {
        return r.targetType().wireName() + "/" + r.targetId() + "/" + r.kind() + "/" + r.maxCurrentA() + "/"
                + r.maxPowerKw();
    }
}
