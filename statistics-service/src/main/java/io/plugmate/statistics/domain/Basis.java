package io.plugmate.statistics.domain;

/** What exactly measured a session, and so which {@link Source} it is and whose session it is first. */
public enum Basis {
    /** Meter stop − meter start, as the charger measured it ({@code ChargerSessionRecorded}). */
    CHARGER_METER(Source.NATIVE),
    /** The charger's wall power integrated over event time ({@code ChargerStateObserved}): a charger without a meter. */
    CHARGER_RATE(Source.ESTIMATED),
    /** The vehicle's own charge rate integrated over event time ({@code VehicleStateObserved}): e.g. a public post. */
    VEHICLE_RATE(Source.ESTIMATED);

    private final Source source;

    Basis(Source source) {
        this.source = source;
    }

    public Source source() {
        return source;
    }

    /** Sessions measured on a charger are attributed through its pairs; a vehicle's own are the vehicle's. */
    public boolean onCharger() {
        return this != VEHICLE_RATE;
    }
}
