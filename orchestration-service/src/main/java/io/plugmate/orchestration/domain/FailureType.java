package io.plugmate.orchestration.domain;

import io.plugmate.events.FailureReason;

/** The {@code failureReason.type} values of an action (docs/adr/0009). */
public enum FailureType {
    // CANCELLED: a precondition failed, at creation or when re-checked
    NOT_PLUGGED_IN,
    UNREACHABLE,
    NO_CAPABLE_ROUTE,
    PAIR_NOT_ACTIVE,
    FEATURE_DISABLED,
    ELECTRICAL_DATA_UNKNOWN,
    PAIR_DEACTIVATED,
    DEVICE_REMOVED,
    // CANCELLED: someone decided otherwise
    SUPERSEDED,
    CANCELLED_BY_CLIENT,
    // FAILED
    OEM_REFUSED,
    OEM_FAILED,
    DEADLINE_PASSED;

    public FailureReason because(String detail) {
        return new FailureReason(name(), detail);
    }
}
