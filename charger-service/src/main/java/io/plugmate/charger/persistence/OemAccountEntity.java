package io.plugmate.charger.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.plugmate.device.AccountDirectory;

/** An OEM account vehicle-service linked, as far as chargers need it: the latest sealed access token. */
@Entity
@Table(name = "oem_account")
public class OemAccountEntity implements AccountDirectory.Stored {

    /** The same id as in vehicle-service: the sealed token is bound to it. */
    @Id
    public UUID id;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "user_id")
    public String userId;
    public String vendor;
    @Column(name = "oem_account_id")
    public String oemAccountId;
    @Column(name = "sealed_access_token")
    public String sealedAccessToken;
    @Column(name = "access_token_expires_at")
    public Instant accessTokenExpiresAt;
    /** When the account's chargers were last read from the OEM (discovery, rotation or re-sync). */
    @Column(name = "synced_at")
    public Instant syncedAt;
    /** The OEM refused the current credential at this time; null again once a new one is announced. */
    @Column(name = "credential_refused_at")
    public Instant credentialRefusedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Override
    public AccountDirectory.Account account() {
        return new AccountDirectory.Account(id, clientId, userId, vendor);
    }

    @Override
    public void markSynced(Instant at) {
        syncedAt = at;
    }
}
