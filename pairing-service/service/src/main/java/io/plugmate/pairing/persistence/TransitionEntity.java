package io.plugmate.pairing.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.plugmate.events.Evidence;
import io.plugmate.pairing.domain.PairState;

/** One entry of a pair's history. The identity column keeps the detector's order among entries of the same instant. */
@Entity
@Table(name = "pair_transition")
public class TransitionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "pair_id")
    public String pairId;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "user_id")
    public String userId;
    /** Null for a pair's first entry (established). */
    @Enumerated(EnumType.STRING)
    @Column(name = "from_state")
    public PairState fromState;
    @Enumerated(EnumType.STRING)
    @Column(name = "to_state")
    public PairState toState;
    @Column(name = "transitioned_at")
    public Instant transitionedAt;
    public String reason;
    public double confidence;
    @Convert(converter = JsonColumns.EvidenceList.class)
    public List<Evidence> evidence;
    @Convert(converter = JsonColumns.StringList.class)
    public List<String> candidates;
    @Column(name = "recorded_at")
    public Instant recordedAt;
}
