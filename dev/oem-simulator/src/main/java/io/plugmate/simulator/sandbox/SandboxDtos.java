package io.plugmate.simulator.sandbox;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import io.plugmate.simulator.domain.GeoPoint;
import io.plugmate.simulator.domain.Vendor;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** Request and response bodies of the sandbox API. */
public final class SandboxDtos {

    private SandboxDtos() {
    }

    /** Vendor names, e.g. {@code {"vehicles": ["TESLA"], "chargers": ["TESLA"]}}. */
    @RegisterForReflection
    public record CreateHousehold(@NotNull @Size(min = 1, max = 3) List<@NotBlank String> vehicles,
            @Size(max = 2) List<@NotBlank String> chargers, Boolean autonomous, @Valid Location home) {
    }

    /** A device joining an existing household, e.g. {@code {"vendor": "TESLA"}}. */
    @RegisterForReflection
    public record AddDevice(@NotBlank String vendor) {
    }

    @RegisterForReflection
    public record Location(@NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
            @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude) {
    }

    /** Exactly one of {@code chargerId} (a household charger) or {@code publicChargerId}. */
    @RegisterForReflection
    public record Plug(String chargerId, String publicChargerId, @Positive @DecimalMax("350") Double publicMaxKw) {
    }

    @RegisterForReflection
    public record Battery(@NotNull @DecimalMin("0") @DecimalMax("100") Double batteryLevel) {
    }

    /** ISO-8601 duration, e.g. {@code PT15M}. */
    @RegisterForReflection
    public record Advance(@NotBlank String duration) {
    }

    @RegisterForReflection
    /** Why the device's cloud refuses commands: the problem detail its command endpoint answers with. */
    public record Refusal(@NotBlank @Size(max = 200) String reason) {
    }

    public record Settings(@NotNull @DecimalMin("0") @DecimalMax("1") Double commandFailureRate) {
    }

    /** How many of the next revocation requests the OEMs answer 503. */
    public record RevocationOutage(@Min(0) @Max(1000) int failures) {
    }

    @RegisterForReflection
    public record Time(Instant now, double speed, boolean tickerEnabled) {
    }

    @RegisterForReflection
    public record Vehicle(String id, Vendor vendor, String model, String householdId, double batteryLevel,
            int chargeLimit, String pluggedInto, boolean isCharging, double wallPowerKw, Integer maxCurrentA,
            GeoPoint location, boolean asleep, long clockSkewSeconds) {
    }

    @RegisterForReflection
    public record Charger(String id, Vendor vendor, String householdId, GeoPoint location, String pluggedVehicleId,
            boolean isCharging, boolean enabled, int maxCurrentA, double energyMeterKwh) {
    }

    /** An OEM login; {@code authorizeUrl} is where the consent page lives. */
    @RegisterForReflection
    public record Account(String accountId, Vendor vendor, String householdId, String username, String password,
            List<String> vehicleIds, List<String> chargerIds, String authorizeUrl, List<String> linkedClients) {
    }

    @RegisterForReflection
    public record Household(String id, GeoPoint home, boolean autonomous, List<Vehicle> vehicles,
            List<Charger> chargers, List<Account> accounts) {
    }
}
