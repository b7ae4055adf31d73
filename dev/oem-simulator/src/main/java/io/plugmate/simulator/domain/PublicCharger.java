package io.plugmate.simulator.domain;

/** A charger outside the platform (street, office, fast charger). It never reports; only ground truth knows it. */
public record PublicCharger(String id, GeoPoint location, double maxKw) {

    /** The id used in ground truth, e.g. {@code public:pub-0003-1}. */
    public String groundTruthId() {
        return "public:" + id;
    }
}
