package io.plugmate.orchestration.api;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the action endpoints (Enode's shapes). */
final class ActionBodies {

    private ActionBodies() {
    }

    enum ChargingAction {
        START,
        STOP
    }

    @Schema(name = "ChargingRequest")
    record Charging(@NotNull @Schema(required = true) ChargingAction action) {
    }

    @Schema(name = "MaxCurrentRequest")
    record MaxCurrent(
            @NotNull @Positive @DecimalMax("1000") @Schema(required = true, description = "A", example = "16") Double maxCurrent) {
    }

    @Schema(name = "MaxPowerRequest")
    record MaxPower(
            @NotNull @Positive @DecimalMax("1000") @Schema(required = true, description = "kW; converted to A with "
                    + "the executing charger's phases and voltage, clamped to its range", example = "7.4") Double maxPowerKw) {
    }
}
