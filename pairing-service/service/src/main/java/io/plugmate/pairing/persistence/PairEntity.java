package io.plugmate.pairing.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.plugmate.events.Evidence;
import io.plugmate.pairing.domain.PairState;
import io.plugmate.pairing.domain.Verdict;

/**
 * One pair as the API shows it: a projection of the detector's {@code Pair}, written in the transaction that stored
 * the snapshot it comes from. The snapshot stays the truth; this row is for queries.
 */
@Entity
@Table(name = "pair")
public class PairEntity {

    @Id
    public String id;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "vehicle_id")
    public String vehicleId;
    @Column(name = "charger_id")
    public String chargerId;
    @Enumerated(EnumType.STRING)
    public PairState state;
    public double confidence;
    @Convert(converter = JsonColumns.EvidenceList.class)
    public List<Evidence> evidence;
    @Convert(converter = JsonColumns.StringList.class)
    public List<String> candidates;
    @Enumerated(EnumType.STRING)
    public Verdict verdict;
    @Column(name = "verdict_at")
    public Instant verdictAt;
    @Column(name = "shared_episodes")
    public int sharedEpisodes;
    @Column(name = "established_at")
    public Instant establishedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "activated_at")
    public Instant activatedAt;
    @Column(name = "created_at")
    public Instant createdAt;
}
