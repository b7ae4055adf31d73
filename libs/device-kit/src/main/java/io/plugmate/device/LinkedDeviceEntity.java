package io.plugmate.device;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.plugmate.events.CapabilitiesChanged;

/**
 * The columns both device services keep of a linked device (their {@code vehicle} and {@code charger} tables) and
 * what the shared machinery does with them: identity, information, native capabilities, when we last heard of it,
 * the latest reported state both kinds have, and its pair. Each service's entity adds its own columns (a vehicle's
 * battery and VIN, a charger's supply and meter), the OEM's id of the device and the pair's counterpart.
 * <p>
 * Two clocks: {@code lastSeen} and {@code updatedAt} are the platform's wall clock (when we heard of the device),
 * {@code stateObservedAt} is the OEM's event time (when the device measured the reported state).
 */
@MappedSuperclass
public abstract class LinkedDeviceEntity implements DeviceEntity {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "user_id")
    public String userId;
    public String vendor;
    /** The linked OEM account this device came from; null once that account is gone. */
    @Column(name = "account_id")
    public UUID accountId;

    public String brand;
    public String model;
    @Column(name = "model_year")
    public Integer year;
    @Column(name = "display_name")
    public String displayName;

    @Column(name = "can_start_charging")
    public boolean canStartCharging;
    @Column(name = "can_stop_charging")
    public boolean canStopCharging;
    @Column(name = "can_set_max_current")
    public boolean canSetMaxCurrent;

    @Column(name = "is_reachable")
    public boolean isReachable;
    /** Wall clock: when the platform last received a new observation of the device. */
    @Column(name = "last_seen")
    public Instant lastSeen;
    /** OEM event time: when the device measured the state kept here. */
    @Column(name = "state_observed_at")
    public Instant stateObservedAt;
    @Column(name = "is_plugged_in")
    public Boolean isPluggedIn;
    /**
     * The plug state in force before {@code stateObservedAt}'s second (null: unknown), so that a read from before a
     * change of that second does not undo it ({@link StateOrder}).
     */
    @Column(name = "plugged_before")
    public Boolean pluggedBefore;
    @Column(name = "is_charging")
    public Boolean isCharging;
    /** The current limit the device reports. */
    @Column(name = "max_current_a")
    public Double maxCurrentA;
    public Double latitude;
    public Double longitude;

    /** Set while an activated pair says this device is plugged into its counterpart. */
    @Column(name = "pair_id")
    public String pairId;

    /** Capabilities orchestration offers through a pair, as of its latest event ({@link CapabilityView}). */
    @Column(name = "unlocked_capabilities")
    public String unlockedCapabilities;
    /** When orchestration published that event (its wall clock): an older one changes nothing. */
    @Column(name = "capabilities_changed_at")
    public Instant capabilitiesChangedAt;

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The OEM's own id of the device. */
    protected abstract String vendorDeviceId();

    /** Sets the pair's counterpart (a vehicle's charger, a charger's vehicle); null clears it. */
    protected abstract void counterpart(String counterpartId);

    /** The user must link the device's account again before it can be read or commanded. */
    public abstract boolean needsRelink();

    @Override
    public LinkedDevice linked() {
        return new LinkedDevice(id.toString(), clientId, userId, accountId, vendor, vendorDeviceId(), lastSeen,
                createdAt);
    }

    @Override
    public void pairedWith(String pairId, String counterpartId, Instant at) {
        this.pairId = pairId;
        counterpart(counterpartId);
        this.updatedAt = at;
    }

    /** Clears the pair, but only the pair that set it: a late deactivation of an older pair changes nothing. */
    @Override
    public boolean unpaired(String pairId, Instant at) {
        if (this.pairId == null || !this.pairId.equals(pairId)) {
            return false;
        }
        this.pairId = null;
        counterpart(null);
        this.updatedAt = at;
        return true;
    }

    /**
     * Orchestration's latest word on the device's capabilities ({@code CapabilitiesChanged}): it replaces what an
     * earlier event said; an event no newer than the one applied (late, or out of order) changes nothing.
     */
    public boolean capabilitiesChanged(CapabilitiesChanged event, Instant now) {
        Instant at = event.occurredAt().truncatedTo(ChronoUnit.MICROS);
        if (capabilitiesChangedAt != null && !at.isAfter(capabilitiesChangedAt)) {
            return false;
        }
        this.unlockedCapabilities = UnlockedCapabilities.write(event.capabilities());
        this.capabilitiesChangedAt = at;
        this.updatedAt = now;
        return true;
    }

    /** A new observation arrived at {@code now} (wall clock): the OEM reaches the device. */
    void heardFrom(Instant now) {
        this.isReachable = true;
        this.lastSeen = now;
        this.updatedAt = now;
    }
}
