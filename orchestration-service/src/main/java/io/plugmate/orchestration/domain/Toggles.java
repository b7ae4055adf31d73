package io.plugmate.orchestration.domain;

/** The client's toggles routing and unlocking depend on (architecture §8), already resolved: override, else default. */
public record Toggles(boolean capabilityUnlocking, boolean commandOrchestration, boolean unifiedChargerControls) {

    public static Toggles defaults() {
        return new Toggles(true, true, false);
    }
}
