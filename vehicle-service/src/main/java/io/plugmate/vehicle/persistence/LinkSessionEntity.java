package io.plugmate.vehicle.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.plugmate.vehicle.domain.LinkStatus;

/** A short-lived, single-use session in which one user links one OEM account. */
@Entity
@Table(name = "link_session")
public class LinkSessionEntity {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "user_id")
    public String userId;
    public String vendor;
    @Column(name = "vehicle_requested")
    public boolean vehicleRequested;
    @Column(name = "charger_requested")
    public boolean chargerRequested;
    /** Space-separated, as in OAuth. */
    public String scopes;
    @Column(name = "redirect_uri")
    public String redirectUri;
    @Column(name = "link_token_hash")
    public String linkTokenHash;
    @Column(name = "state_nonce_hash")
    public String stateNonceHash;
    /** SHA-256 of the nonce in the cookie of the browser that started the session (the callback needs it). */
    @Column(name = "browser_binding_hash")
    public String browserBindingHash;
    @Enumerated(EnumType.STRING)
    public LinkStatus status;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "account_id")
    public UUID accountId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "completed_at")
    public Instant completedAt;

    /** The status a reader sees: an open session past its deadline is expired even before anyone wrote so. */
    public LinkStatus effectiveStatus(Instant now) {
        boolean open = status == LinkStatus.CREATED || status == LinkStatus.STARTED;
        return open && now.isAfter(expiresAt) ? LinkStatus.EXPIRED : status;
    }

    public void fail(String reason, Instant at) {
        this.status = LinkStatus.FAILED;
        this.failureReason = reason;
        this.completedAt = at;
    }

    public void complete(UUID accountId, Instant at) {
        this.status = LinkStatus.COMPLETED;
        this.accountId = accountId;
        this.completedAt = at;
    }
}
