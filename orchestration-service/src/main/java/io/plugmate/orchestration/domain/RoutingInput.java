package io.plugmate.orchestration.domain;

/**
 * Everything routing looks at: the request, the target, the target's relevant pair ({@link PairFacts#relevant}; null
 * when it has none), the device on the pair's other side (null when orchestration has not heard of it), the toggles.
 */
public record RoutingInput(ActionRequest request, DeviceFacts target, PairFacts pair, DeviceFacts counterpart,
        Toggles toggles) {
}
