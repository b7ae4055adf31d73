package io.plugmate.vehicle.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import io.plugmate.device.LinkedDeviceEntity;
import io.plugmate.events.ActionState;
import io.plugmate.events.ActionUpdated;
import io.plugmate.events.CommandKind;

/**
 * One linked vehicle of one user of one API client, with the latest state its OEM reported: the columns every device
 * keeps (device-kit's {@link LinkedDeviceEntity}) and what only a vehicle has.
 */
@Entity
@Table(name = "vehicle")
public class VehicleEntity extends LinkedDeviceEntity {

    @Column(name = "vendor_vehicle_id")
    public String vendorVehicleId;
    public String vin;
    /** The OEM reports a location and the client was granted vehicle:read:location (else the view shows none). */
    @Column(name = "has_location")
    public boolean hasLocation;
    /** The scopes the client was granted for the vehicle's account (docs/adr/0012); the capabilities above obey them. */
    @Column(name = "granted_scopes")
    public String grantedScopes;

    /** The OEM refused the account's credential: commands and data wait for the user to link again. */
    @Column(name = "needs_relink")
    public boolean needsRelink;

    @Column(name = "battery_level")
    public Double batteryLevel;
    @Column(name = "range_km")
    public Double rangeKm;
    @Column(name = "is_fully_charged")
    public Boolean isFullyCharged;
    @Column(name = "vehicle_charge_rate_kw")
    public Double vehicleChargeRateKw;
    @Column(name = "charge_limit")
    public Double chargeLimit;
    /** OEM event time of the latest reported position. */
    @Column(name = "location_observed_at")
    public Instant locationObservedAt;

    @Column(name = "plugged_in_charger_id")
    public String pluggedInChargerId;
    @Column(name = "charger_charge_rate_kw")
    public Double chargerChargeRateKw;
    @Column(name = "charger_rate_observed_at")
    public Instant chargerRateObservedAt;

    /** The latest action that concerns this vehicle (orchestration's {@code ActionUpdated}), as of {@code lastActionAt}. */
    @Column(name = "last_action_id")
    public UUID lastActionId;
    @Column(name = "last_action_kind")
    @Enumerated(EnumType.STRING)
    public CommandKind lastActionKind;
    @Column(name = "last_action_state")
    @Enumerated(EnumType.STRING)
    public ActionState lastActionState;
    /** Set when the action went through, or is mirrored from, the vehicle's pair. */
    @Column(name = "last_action_pair_id")
    public String lastActionPairId;
    /** Orchestration's wall clock when it published that state: an older event changes nothing. */
    @Column(name = "last_action_at")
    public Instant lastActionAt;

    @Override
    protected String vendorDeviceId() {
        return vendorVehicleId;
    }

    @Override
    public boolean needsRelink() {
        return needsRelink;
    }

    /** A pair set or cleared; the charger's rate from before says nothing about this vehicle. */
    @Override
    protected void counterpart(String chargerId) {
        this.pluggedInChargerId = chargerId;
        this.chargerChargeRateKw = null;
        this.chargerRateObservedAt = null;
    }

    /**
     * An action concerning this vehicle changed state (its own, or its paired charger's while it is plugged in): kept as
     * the vehicle's last action, and a confirmed start or stop is mirrored on its charge state until its own next report
     * (a newer report replaces the state as always). An event older than the last one kept changes nothing.
     */
    public boolean actionUpdated(ActionUpdated event, Instant at) {
        Instant occurred = event.occurredAt().truncatedTo(ChronoUnit.MICROS);
        if (lastActionAt != null && occurred.isBefore(lastActionAt)) {
            return false;
        }
        lastActionId = event.actionId();
        lastActionKind = event.kind();
        lastActionState = event.state();
        lastActionPairId = event.pairedDevice() == null ? null : event.pairedDevice().pairId();
        lastActionAt = occurred;
        boolean startOrStop = event.kind() == CommandKind.START || event.kind() == CommandKind.STOP;
        if (event.state() == ActionState.CONFIRMED && startOrStop) {
            if (!Boolean.TRUE.equals(isPluggedIn)) {
                // a plug change no report made: the same-second rule (device-kit's StateOrder) stays out of this second
                pluggedBefore = null;
            }
            isPluggedIn = true;
            isCharging = event.kind() == CommandKind.START;
        }
        updatedAt = at;
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
