package io.plugmate.orchestration.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One toggle of one client changed: from {@code oldValue} to {@code newValue} (null: no override), by whom, when. */
@Entity
@Table(name = "client_feature_change")
public class FeatureChangeEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "client_id")
    public String clientId;
    public String feature;
    @Column(name = "old_value")
    public Boolean oldValue;
    @Column(name = "new_value")
    public Boolean newValue;
    @Column(name = "changed_by")
    public String changedBy;
    @Column(name = "changed_by_client")
    public String changedByClient;
    @Column(name = "changed_at")
    public Instant changedAt;
}
