package io.plugmate.orchestration.domain;

import io.plugmate.events.DeviceType;

/** The device an action's commands go to, how it was reached, and the current it is sent (limit kinds only). */
public record Route(RouteOption.Via via, DeviceType deviceType, String deviceId, String vendor, String pairId,
        Double sentCurrentA) {

    static Route of(RoutingDecision decision) {
        RouteOption chosen = decision.chosen();
        return new Route(chosen.via(), chosen.deviceType(), chosen.deviceId(), chosen.vendor(), chosen.pairId(),
                decision.current() == null ? null : decision.current().sentCurrentA());
    }

    String describe() {
        return (via == RouteOption.Via.DIRECT ? "direct to " : "through pair " + pairId + " to ")
                + deviceType.wireName() + " " + deviceId + (vendor == null ? "" : " (" + vendor + ")");
    }
}
