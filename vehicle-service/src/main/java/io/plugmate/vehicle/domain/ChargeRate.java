package io.plugmate.vehicle.domain;

/**
 * The charge rate a vehicle shows, and why. While the vehicle is plugged into a known charger, the charger's wall
 * measurement is the better number (the vehicle's own report comes minutes apart and excludes losses), unless the
 * client asked for the vehicle's own estimate ({@code enhanced-charge-rate-estimate}) or switched the improvement off.
 */
public record ChargeRate(Double kw, ChargeRateSource source) {

    public static final ChargeRate UNKNOWN = new ChargeRate(null, ChargeRateSource.NONE);

    /** Everything the rule depends on; plain values, so the rule is a pure function. */
    public record Inputs(Double vehicleRateKw, Double chargerRateKw, boolean pairedToCharger,
            boolean improvedChargeRate, boolean enhancedEstimate) {
    }

    public static ChargeRate resolve(Inputs in) {
        boolean chargerPreferred = in.pairedToCharger() && in.improvedChargeRate() && !in.enhancedEstimate();
        if (chargerPreferred && in.chargerRateKw() != null) {
            return new ChargeRate(in.chargerRateKw(), ChargeRateSource.CHARGER);
        }
        if (in.vehicleRateKw() != null) {
            return new ChargeRate(in.vehicleRateKw(), ChargeRateSource.VEHICLE);
        }
        return UNKNOWN;
    }
}
