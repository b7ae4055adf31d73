package io.plugmate.vehicle.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import io.plugmate.device.LinkedAccountEntity;

/**
 * One linked OEM account (a grant) of one user, credentials only in sealed form: the columns both device services keep
 * (device-kit's {@link LinkedAccountEntity}) and what only this service, the one that refreshes grants, needs.
 */
@Entity
@Table(name = "oem_account")
public class OemAccountEntity extends LinkedAccountEntity {

    @Column(name = "sealed_refresh_token")
    public String sealedRefreshToken;
    /** ACTIVE, or INVALID once the OEM refused the credential (the user must link again). */
    public String status;
    /** The user linked this account for its vehicles (this service lists and re-syncs them). */
    @Column(name = "links_vehicles")
    public boolean linksVehicles;
    /** The user linked this account for its chargers (charger-service hears of every credential). */
    @Column(name = "links_chargers")
    public boolean linksChargers;
    /** The scopes the client was granted for this account, space-separated (docs/adr/0012; GrantedScopes). */
    public String scopes;
    /** This transaction's link changed {@link #scopes}: the account's known vehicles are announced again. */
    @Transient
    public boolean scopesChanged;
}
