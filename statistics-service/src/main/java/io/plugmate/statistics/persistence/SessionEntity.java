package io.plugmate.statistics.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.plugmate.statistics.domain.AttributedBy;
import io.plugmate.statistics.domain.Attribution;
import io.plugmate.statistics.domain.AttributionStatus;
import io.plugmate.statistics.domain.Basis;
import io.plugmate.statistics.domain.ChargingSession;
import io.plugmate.statistics.domain.CrossCheck;
import io.plugmate.statistics.domain.EnergyProfile;
import io.plugmate.statistics.domain.Gap;
import io.plugmate.statistics.domain.ResolvedSession;
import io.plugmate.statistics.domain.Source;

/** One session: what was measured (set once per measurement) and what is decided about it (rewritten as inputs come). */
@Entity
@Table(name = "charging_session")
@IdClass(SessionEntity.Key.class)
public class SessionEntity {

    public static class Key implements Serializable {
        public String clientId;
        public String id;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(clientId, k.clientId) && Objects.equals(id, k.id);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clientId, id);
        }
    }

    @Id
    @Column(name = "client_id")
    public String clientId;
    @Id
    public String id;
    @Column(name = "user_id")
    public String userId;
    @Enumerated(EnumType.STRING)
    public Source source;
    @Enumerated(EnumType.STRING)
    public Basis basis;
    @Column(name = "charger_id")
    public String chargerId;
    @Column(name = "own_vehicle_id")
    public String ownVehicleId;
    @Column(name = "started_at")
    public Instant startedAt;
    @Column(name = "ended_at")
    public Instant endedAt;
    @Column(name = "energy_kwh")
    public Double energyKwh;
    @Column(name = "meter_start_kwh")
    public Double meterStartKwh;
    @Column(name = "meter_stop_kwh")
    public Double meterStopKwh;
    @Column(name = "first_sample_at")
    public Instant firstSampleAt;
    @Column(name = "last_sample_at")
    public Instant lastSampleAt;
    @Convert(converter = JsonColumns.Gaps.class)
    public List<Gap> gaps;
    @Column(name = "own_profile")
    @Convert(converter = JsonColumns.Profiles.class)
    public EnergyProfile ownProfile;

    @Enumerated(EnumType.STRING)
    public AttributionStatus attribution;
    @Column(name = "vehicle_id")
    public String vehicleId;
    @Column(name = "pair_id")
    public String pairId;
    public Double confidence;
    @Column(name = "attributed_by")
    @Enumerated(EnumType.STRING)
    public AttributedBy attributedBy;
    @Convert(converter = JsonColumns.Candidates.class)
    public List<Attribution.Candidate> candidates;
    @Column(name = "attribution_at")
    public Instant attributionAt;
    @Column(name = "attribution_reason")
    public String attributionReason;
    @Column(name = "attribution_history")
    @Convert(converter = JsonColumns.Attributions.class)
    public List<Attribution> attributionHistory;
    @Column(name = "superseded_by")
    public String supersededBy;
    @Column(name = "superseded_without_native_by")
    public String supersededWithoutNativeBy;
    @Column(name = "cross_check")
    @Convert(converter = JsonColumns.CrossChecks.class)
    public CrossCheck crossCheck;
    @Convert(converter = JsonColumns.Profiles.class)
    public EnergyProfile flow;
    @Column(name = "recorded_at")
    public Instant recordedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The measured part, as the domain reads it. */
    public ChargingSession measured() {
        return new ChargingSession(id, clientId, userId, basis, chargerId, ownVehicleId, startedAt, endedAt, energyKwh,
                meterStartKwh, meterStopKwh, gaps, ownProfile, firstSampleAt, lastSampleAt);
    }

    /** A new row for a measurement; decided as a guest's until the reconciliation in the same transaction says more. */
    public static SessionEntity of(ChargingSession s, Instant now) {
        SessionEntity e = new SessionEntity();
        e.clientId = s.clientId();
        e.id = s.id();
        e.recordedAt = now;
        e.measure(s, now);
        e.attribution = AttributionStatus.GUEST;
        e.candidates = List.of();
        e.attributionHistory = List.of();
        e.flow = EnergyProfile.EMPTY;
        return e;
    }

    /** @return whether the measured part changed */
    public boolean measure(ChargingSession s, Instant now) {
        if (id != null && basis != null && measured().equals(s)) {
            return false;
        }
        userId = s.userId();
        source = s.source();
        basis = s.basis();
        chargerId = s.chargerId();
        ownVehicleId = s.vehicleId();
        startedAt = s.startedAt();
        endedAt = s.endedAt();
        energyKwh = s.energyKwh();
        meterStartKwh = s.meterStartKwh();
        meterStopKwh = s.meterStopKwh();
        firstSampleAt = s.firstSampleAt();
        lastSampleAt = s.lastSampleAt();
        gaps = s.gaps();
        ownProfile = s.profile();
        updatedAt = now;
        return true;
    }

    /** @return whether anything decided changed */
    public boolean decide(ResolvedSession r, Instant now) {
        Attribution a = r.attribution();
        String vehicle = a.vehicleId();
        boolean changed = attribution != a.status() || !Objects.equals(vehicleId, vehicle)
                || !Objects.equals(pairId, a.pairId()) || !Objects.equals(confidence, a.confidence())
                || attributedBy != a.attributedBy() || !Objects.equals(candidates, a.candidates())
                || !Objects.equals(attributionAt, a.at()) || !Objects.equals(attributionReason, a.reason())
                || !Objects.equals(attributionHistory, r.history())
                || !Objects.equals(supersededBy, r.supersededBy())
                || !Objects.equals(supersededWithoutNativeBy, r.supersededWithoutNativeBy())
                || !Objects.equals(crossCheck, r.crossCheck()) || !Objects.equals(flow, r.profile());
        if (!changed) {
            return false;
        }
        attribution = a.status();
        vehicleId = vehicle;
        pairId = a.pairId();
        confidence = a.confidence();
        attributedBy = a.attributedBy();
        candidates = a.candidates();
        attributionAt = a.at();
        attributionReason = a.reason();
        attributionHistory = r.history();
        supersededBy = r.supersededBy();
        supersededWithoutNativeBy = r.supersededWithoutNativeBy();
        crossCheck = r.crossCheck();
        flow = r.profile();
        updatedAt = now;
        return true;
    }
}
