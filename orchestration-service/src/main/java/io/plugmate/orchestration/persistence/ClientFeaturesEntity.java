package io.plugmate.orchestration.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One client's toggle overrides, {@code {featureKey: boolean}} as JSON; the admin API is its only writer. */
@Entity
@Table(name = "client_features")
public class ClientFeaturesEntity {

    @Id
    @Column(name = "client_id")
    public String clientId;
    public String overrides;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "updated_by")
    public String updatedBy;
}
