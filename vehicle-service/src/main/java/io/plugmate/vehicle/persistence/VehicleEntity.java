package io.plugmate.vehicle.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.plugmate.device.DeviceEntity;
import io.plugmate.device.LinkedDevice;

/** One linked vehicle of one user of one API client, with the latest state its OEM reported. */
@Entity
@Table(name = "vehicle")
public class VehicleEntity implements DeviceEntity {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "user_id")
    public String userId;
    public String vendor;
    @Column(name = "vendor_vehicle_id")
    public String vendorVehicleId;
    /** The linked OEM account this vehicle came from; null once that account is gone. */
    @Column(name = "account_id")
    public UUID accountId;

    public String brand;
    public String model;
    @Column(name = "model_year")
    public Integer year;
    public String vin;
    @Column(name = "display_name")
    public String displayName;

    @Column(name = "can_start_charging")
    public boolean canStartCharging;
    @Column(name = "can_stop_charging")
    public boolean canStopCharging;
    @Column(name = "can_set_max_current")
    public boolean canSetMaxCurrent;
    @Column(name = "has_location")
    public boolean hasLocation;

    /** The OEM refused the account's credential: commands and data wait for the user to link again. */
    @Column(name = "needs_relink")
    public boolean needsRelink;

    @Column(name = "is_reachable")
    public boolean isReachable;
    @Column(name = "last_seen")
    public Instant lastSeen;
    @Column(name = "state_observed_at")
    public Instant stateObservedAt;
    @Column(name = "battery_level")
    public Double batteryLevel;
    @Column(name = "range_km")
    public Double rangeKm;
    @Column(name = "is_plugged_in")
    public Boolean isPluggedIn;
    @Column(name = "is_charging")
    public Boolean isCharging;
    @Column(name = "is_fully_charged")
    public Boolean isFullyCharged;
    @Column(name = "vehicle_charge_rate_kw")
    public Double vehicleChargeRateKw;
    @Column(name = "charge_limit")
    public Double chargeLimit;
    @Column(name = "max_current_a")
    public Double maxCurrentA;
    public Double latitude;
    public Double longitude;
    @Column(name = "location_observed_at")
    public Instant locationObservedAt;

    /** Set while an activated pair says this vehicle is plugged into that charger. */
    @Column(name = "pair_id")
    public String pairId;
    @Column(name = "plugged_in_charger_id")
    public String pluggedInChargerId;
    @Column(name = "charger_charge_rate_kw")
    public Double chargerChargeRateKw;
    @Column(name = "charger_rate_observed_at")
    public Instant chargerRateObservedAt;

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    @Override
    public LinkedDevice linked() {
        return new LinkedDevice(id.toString(), clientId, userId, accountId, vendor, vendorVehicleId, lastSeen,
                createdAt);
    }

    /** Applies an activated pair; the charger's rate from before the pair says nothing about this vehicle. */
    @Override
    public void pairedWith(String pairId, String chargerId, Instant at) {
        this.pairId = pairId;
        this.pluggedInChargerId = chargerId;
        this.chargerChargeRateKw = null;
        this.chargerRateObservedAt = null;
        this.updatedAt = at;
    }

    /** Clears the pair, but only the pair that set it: a late deactivation of an older pair changes nothing. */
    @Override
    public boolean unpaired(String pairId, Instant at) {
        if (this.pairId == null || !this.pairId.equals(pairId)) {
            return false;
        }
        this.pairId = null;
        this.pluggedInChargerId = null;
        this.chargerChargeRateKw = null;
        this.chargerRateObservedAt = null;
        this.updatedAt = at;
        return true;
    }

    /** Takes the charger's wall measurement unless an equal or newer one is already here (late or duplicate). */
    public boolean chargerRateObserved(Double kw, Instant observedAt, Instant at) {
        // stored with PostgreSQL's microsecond precision: compare at that precision, or a duplicate looks newer
        Instant observed = observedAt.truncatedTo(ChronoUnit.MICROS);
        if (chargerRateObservedAt != null && !observed.isAfter(chargerRateObservedAt)) {
            return false;
        }
        this.chargerChargeRateKw = kw;
        this.chargerRateObservedAt = observed;
        this.updatedAt = at;
        return true;
    }
}
