package io.plugmate.vehicle.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.plugmate.device.AccountDirectory;

/** One linked OEM account (a grant) of one user; credentials only in sealed form (see CredentialCipher). */
@Entity
@Table(name = "oem_account")
public class OemAccountEntity implements AccountDirectory.Stored {

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
    @Column(name = "sealed_refresh_token")
    public String sealedRefreshToken;
    @Column(name = "access_token_expires_at")
    public Instant accessTokenExpiresAt;
    /** ACTIVE, or INVALID once the OEM refused the credential (the user must link again). */
    public String status;
    /** The user linked this account for its vehicles (this service lists and re-syncs them). */
    @Column(name = "links_vehicles")
    public boolean linksVehicles;
    /** The user linked this account for its chargers (charger-service hears of every credential). */
    @Column(name = "links_chargers")
    public boolean linksChargers;
    /** When the account's vehicles were last read from the OEM (link or re-sync). */
    @Column(name = "synced_at")
    public Instant syncedAt;
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
