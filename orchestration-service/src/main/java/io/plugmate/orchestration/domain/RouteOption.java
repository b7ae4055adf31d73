package io.plugmate.orchestration.domain;

import java.util.List;

import io.plugmate.events.DeviceType;

/**
 * One way an action could reach a device, with every check made and whether it was taken. {@code via} DIRECT is the
 * target's own OEM; PAIR is the other device of the target's pair.
 */
public record RouteOption(Via via, DeviceType deviceType, String deviceId, String vendor, String pairId, boolean taken,
        List<Check> checks) {

    public enum Via {
        DIRECT,
        PAIR
    }

    public RouteOption {
        checks = List.copyOf(checks);
    }

    boolean possible() {
        return checks.stream().allMatch(Check::passed);
    }

    RouteOption take() {
        return new RouteOption(via, deviceType, deviceId, vendor, pairId, true, checks);
    }

    /** Why this route cannot be used: a structural blocker wins, else the first check that failed. */
    Check blocker() {
        return checks.stream().filter(c -> !c.passed() && c.blocker().structural()).findFirst()
                .orElseGet(() -> checks.stream().filter(c -> !c.passed()).findFirst().orElse(null));
    }
}
