package io.plugmate.orchestration.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.plugmate.orchestration.domain.PairFacts;
import io.plugmate.orchestration.domain.PairStatus;

/** A pair as pair-events tell it. */
@Entity
@Table(name = "pair")
public class PairEntity {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "pair_id")
    public String pairId;
    @Column(name = "vehicle_id")
    public String vehicleId;
    @Column(name = "charger_id")
    public String chargerId;
    @Enumerated(EnumType.STRING)
    public PairStatus state;
    public Double confidence;
    public String reason;
    @Column(name = "established_at")
    public Instant establishedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public PairFacts facts() {
        return new PairFacts(pairId, vehicleId, chargerId, state, confidence, establishedAt);
    }
}
