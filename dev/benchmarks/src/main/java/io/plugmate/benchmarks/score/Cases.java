package io.plugmate.benchmarks.score;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The individual cases behind a scenario's figures, for the worst-cases file. */
public record Cases(List<FalseActivation> falseActivations, List<Miss> misses, List<Found> found) {

    public Cases {
        falseActivations = List.copyOf(falseActivations);
        misses = List.copyOf(misses);
        found = List.copyOf(found);
    }

    /**
     * @param vendors the vehicle's and the charger's vendor, e.g. {@code NORDAUTO/TESLA}
     * @param processedAt delivery time of the record that caused it
     * @param lasted until its deactivation (processing time), however short: every one of them unlocked commands
     * @param eventTime the detector's own time for it (the watermark)
     * @param truth what the ground truth says about both devices at that moment
     * @param signals the evidence as "signal score", e.g. {@code location +0.50}
     */
    public record FalseActivation(String householdId, String vehicleId, String chargerId, String vendors,
            Instant processedAt, Duration lasted, Instant eventTime, int recordIndex, double confidence, FalseCause cause,
            String truth,
            String reason, String evidence, List<String> signals) {

        public FalseActivation {
            signals = List.copyOf(signals);
        }
    }

    /**
     * @param vendors the vehicle's and the charger's vendor, e.g. {@code NORDAUTO/TESLA}
     * @param detail the devices' first plug-in reports and the pair's transitions around the session
     */
    public record Miss(String householdId, String vehicleId, String chargerId, String vendors, Instant pluggedInAt,
            Instant unpluggedAt, Duration length, MissCause cause, String detail) {
    }

    /** A found session with its latency. */
    public record Found(String householdId, String vehicleId, String chargerId, Instant pluggedInAt,
            Instant laterPlugInReportAt, Instant activatedAt, long latencyMillis, int reports) {
    }
}
