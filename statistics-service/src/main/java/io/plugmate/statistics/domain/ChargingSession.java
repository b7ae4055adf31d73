package io.plugmate.statistics.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session as measured, before it is attributed or weighed against other measurements of the same energy.
 *
 * @param chargerId the charger it was measured on; null for a vehicle's own estimate
 * @param vehicleId the vehicle that measured it (VEHICLE_RATE only)
 * @param energyKwh null when unknown: a native session whose meter was not reported, or went backwards (a reset)
 * @param profile when the energy flowed; for a native session the shape is borrowed later (see {@link Reconciler})
 */
public record ChargingSession(String id, String clientId, String userId, Basis basis, String chargerId,
        String vehicleId, Instant startedAt, Instant endedAt, Double energyKwh, Double meterStartKwh,
        Double meterStopKwh, List<Gap> gaps, EnergyProfile profile, Instant firstSampleAt, Instant lastSampleAt) {

    public ChargingSession {
        gaps = gaps == null ? List.of() : List.copyOf(gaps);
        profile = profile == null ? EnergyProfile.EMPTY : profile;
    }

    public static ChargingSession recorded(String clientId, String userId, String sessionId, String chargerId,
            Instant startedAt, Instant endedAt, Double meterStartKwh, Double meterStopKwh) {
        Double energy = meterStartKwh == null || meterStopKwh == null || meterStopKwh < meterStartKwh ? null
                : meterStopKwh - meterStartKwh;
        return new ChargingSession(sessionId, clientId, userId, Basis.CHARGER_METER, chargerId, null, startedAt,
                endedAt == null ? startedAt : endedAt, energy, meterStartKwh, meterStopKwh, List.of(), null, null,
                null);
    }

    public static ChargingSession estimated(String clientId, String userId, Basis basis, String deviceId,
            TelemetryRun run) {
        String id = estimateId(clientId, basis, deviceId, run.firstSampleAt());
        return new ChargingSession(id, clientId, userId, basis, basis == Basis.CHARGER_RATE ? deviceId : null,
                basis == Basis.VEHICLE_RATE ? deviceId : null, run.startedAt(), run.endedAt(), run.energyKwh(), null,
                null, run.gaps(), run.profile(), run.firstSampleAt(), run.lastSampleAt());
    }

    /** Name-based: the same reports give the same id, live or replayed. */
    public static String estimateId(String clientId, Basis basis, String deviceId, Instant firstSampleAt) {
        String name = String.join("\u001f", "estimate", clientId, basis.name(), deviceId, firstSampleAt.toString());
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public Source source() {
        return basis.source();
    }

    /** The device whose telemetry or meter measured it. */
    public String deviceId() {
        return basis == Basis.VEHICLE_RATE ? vehicleId : chargerId;
    }

    boolean hasEnergy() {
        return energyKwh != null;
    }

    java.time.Duration overlap(ChargingSession other) {
        Instant a = startedAt.isAfter(other.startedAt) ? startedAt : other.startedAt;
        Instant b = endedAt.isBefore(other.endedAt) ? endedAt : other.endedAt;
        return b.isAfter(a) ? java.time.Duration.between(a, b) : java.time.Duration.ZERO;
    }

    /** Whether at least {@code share} of this session lies within the other (an instant session: inside it). */
    boolean coveredBy(ChargingSession other, double share) {
        long own = java.time.Duration.between(startedAt, endedAt).toMillis();
        if (own == 0) {
            return !startedAt.isBefore(other.startedAt) && !startedAt.isAfter(other.endedAt);
        }
        return overlap(other).toMillis() >= share * own;
    }
}
