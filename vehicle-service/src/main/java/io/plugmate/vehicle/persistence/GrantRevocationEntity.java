package io.plugmate.vehicle.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An OEM grant to revoke (docs/adr/0011): the account is gone (its last vehicle unlinked, its user erased), its token
 * waits here, sealed, until the OEM confirms the revocation. Nothing in it says whose it was.
 */
@Entity
@Table(name = "grant_revocation")
public class GrantRevocationEntity {

    @Id
    public UUID id;
    /** The account the token was sealed for (the seal is bound to it); the account row itself is gone. */
    @Column(name = "account_id")
    public UUID accountId;
    public String vendor;
    /** The refresh token (revoking it ends the whole grant, RFC 7009), or the access token when there was none. */
    @Column(name = "sealed_token")
    public String sealedToken;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "last_error")
    public String lastError;
    @Column(name = "created_at")
    public Instant createdAt;
}
