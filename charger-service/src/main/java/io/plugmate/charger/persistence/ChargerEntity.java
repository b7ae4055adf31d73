package io.plugmate.charger.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.Formula;

import io.plugmate.device.LinkedDeviceEntity;

/**
 * One linked charger of one user of one API client, with the latest state its OEM reported: the columns every device
 * keeps (device-kit's {@link LinkedDeviceEntity}) and what only a charger has.
 */
@Entity
@Table(name = "charger")
public class ChargerEntity extends LinkedDeviceEntity {

    @Column(name = "vendor_charger_id")
    public String vendorChargerId;
    @Column(name = "serial_number")
    public String serialNumber;
    /**
     * The supply as the OEM lists it, which orchestration converts a power limit with (I = P / (phases × U), clamped
     * to the range); each null when the vendor does not say.
     */
    public Integer phases;
    @Column(name = "voltage_v")
    public Double voltageV;
    @Column(name = "electrical_min_current_a")
    public Double minSettableCurrentA;
    @Column(name = "electrical_max_current_a")
    public Double maxSettableCurrentA;

    /**
     * The scopes the client was granted for the charger's account (docs/adr/0012; null: never announced, nothing
     * withheld); the capabilities above and the view obey them.
     */
    @Column(name = "granted_scopes")
    public String grantedScopes;

    /** Measured at the wall. */
    @Column(name = "charge_rate_kw")
    public Double chargeRateKw;
    /** The charger's lifetime energy meter: the source of truth for session energy. */
    @Column(name = "energy_meter_kwh")
    public Double energyMeterKwh;

    /**
     * The account's credential can no longer be used: the OEM refused it, or the last one vehicle-service announced
     * has expired without a rotation (docs/adr/0004). Read from the account row, never stored here.
     */
    @Formula("(select a.credential_refused_at is not null or a.access_token_expires_at <= now() "
            + "from oem_account a where a.id = account_id)")
    public Boolean credentialLapsed;

    @Column(name = "plugged_in_vehicle_id")
    public String pluggedInVehicleId;

    @Override
    protected String vendorDeviceId() {
        return vendorChargerId;
    }

    @Override
    protected void counterpart(String vehicleId) {
        this.pluggedInVehicleId = vehicleId;
    }

    /** The user must link the account again before this charger can be read or commanded. */
    @Override
    public boolean needsRelink() {
        return Boolean.TRUE.equals(credentialLapsed);
    }
}
