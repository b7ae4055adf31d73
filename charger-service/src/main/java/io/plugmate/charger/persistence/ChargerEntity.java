package io.plugmate.charger.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Formula;

import io.plugmate.device.DeviceEntity;
import io.plugmate.device.LinkedDevice;

/** One linked charger of one user of one API client, with the latest state its OEM reported. */
@Entity
@Table(name = "charger")
public class ChargerEntity implements DeviceEntity {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "user_id")
    public String userId;
    public String vendor;
    @Column(name = "vendor_charger_id")
    public String vendorChargerId;
    /** The linked OEM account this charger came from; null once that account is gone. */
    @Column(name = "account_id")
    public UUID accountId;

    public String brand;
    public String model;
    @Column(name = "model_year")
    public Integer year;
    @Column(name = "serial_number")
    public String serialNumber;
    @Column(name = "display_name")
    public String displayName;

    @Column(name = "can_start_charging")
    public boolean canStartCharging;
    @Column(name = "can_stop_charging")
    public boolean canStopCharging;
    @Column(name = "can_set_max_current")
    public boolean canSetMaxCurrent;
    /** For max-power → max-current conversion; null when the vendor does not say. */
    public Integer phases;
    @Column(name = "voltage_v")
    public Double voltageV;
    public Double latitude;
    public Double longitude;

    @Column(name = "is_reachable")
    public boolean isReachable;
    @Column(name = "last_seen")
    public Instant lastSeen;
    @Column(name = "state_observed_at")
    public Instant stateObservedAt;
    @Column(name = "is_plugged_in")
    public Boolean isPluggedIn;
    @Column(name = "is_charging")
    public Boolean isCharging;
    @Column(name = "charge_rate_kw")
    public Double chargeRateKw;
    @Column(name = "max_current_a")
    public Double maxCurrentA;
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

    @Column(name = "pair_id")
    public String pairId;
    @Column(name = "plugged_in_vehicle_id")
    public String pluggedInVehicleId;

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The user must link the account again before this charger can be read or commanded. */
    public boolean needsRelink() {
        return Boolean.TRUE.equals(credentialLapsed);
    }

    @Override
    public LinkedDevice linked() {
        return new LinkedDevice(id.toString(), clientId, userId, accountId, vendor, vendorChargerId, lastSeen,
                createdAt);
    }

    @Override
    public void pairedWith(String pairId, String vehicleId, Instant at) {
        this.pairId = pairId;
        this.pluggedInVehicleId = vehicleId;
        this.updatedAt = at;
    }

    /** Clears the pair, but only the pair that set it: a late deactivation of an older pair changes nothing. */
    @Override
    public boolean unpaired(String pairId, Instant at) {
        if (this.pairId == null || !this.pairId.equals(pairId)) {
            return false;
        }
        this.pairId = null;
        this.pluggedInVehicleId = null;
        this.updatedAt = at;
        return true;
    }
}
