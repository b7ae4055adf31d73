package io.plugmate.charger.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.plugmate.device.LinkedAccountEntity;

/**
 * An OEM account vehicle-service linked, as far as chargers need it: the latest sealed access token it announced
 * (device-kit's {@link LinkedAccountEntity}) and whether the OEM has refused it since.
 */
@Entity
@Table(name = "oem_account")
public class OemAccountEntity extends LinkedAccountEntity {

    /** The OEM refused the current credential at this time; null again once a new one is announced. */
    @Column(name = "credential_refused_at")
    public Instant credentialRefusedAt;
    /**
     * The scopes the client was granted for the account, space-separated, as the latest announcement carrying them
     * said (docs/adr/0012; null: none did yet).
     */
    public String scopes;
}
