package io.plugmate.device;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * What both device services keep of a linked OEM account (their {@code oem_account} table) and what the periodic
 * re-sync needs of it. Each service's {@code OemAccountEntity} adds its own columns: vehicle-service the refresh token
 * and what the account was linked for, charger-service when the OEM refused its credential.
 */
@MappedSuperclass
public abstract class LinkedAccountEntity {

    /** The same id in both services: the sealed token is bound to it. */
    @Id
    public UUID id;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "user_id")
    public String userId;
    public String vendor;
    @Column(name = "oem_account_id")
    public String oemAccountId;
    /** AES-GCM-sealed for this account (oem-client's {@code CredentialCipher}); never stored in the clear. */
    @Column(name = "sealed_access_token")
    public String sealedAccessToken;
    @Column(name = "access_token_expires_at")
    public Instant accessTokenExpiresAt;
    /** When the account's devices were last read from the OEM (link or announcement, re-sync). */
    @Column(name = "synced_at")
    public Instant syncedAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public AccountDirectory.Account account() {
        return new AccountDirectory.Account(id, clientId, userId, vendor);
    }
}
