package io.plugmate.orchestration.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceType;
import io.plugmate.events.ElectricalData;
import io.plugmate.orchestration.domain.DeviceFacts;
import io.plugmate.orchestration.domain.DeviceStatus;

/** A device as orchestration knows it: from device-lifecycle, and its latest report from vehicle-/charger-state. */
@Entity
@Table(name = "device")
public class DeviceEntity {

    @Id
    public UUID id;
    @Column(name = "client_id")
    public String clientId;
    @Column(name = "user_id")
    public String userId;
    @Column(name = "device_type")
    public String deviceType;
    @Column(name = "device_id")
    public String deviceId;
    public String vendor;
    @Column(name = "can_start")
    public boolean canStart;
    @Column(name = "can_stop")
    public boolean canStop;
    @Column(name = "can_set_max_current")
    public boolean canSetMaxCurrent;
    public Integer phases;
    @Column(name = "voltage_v")
    public Double voltageV;
    @Column(name = "min_current_a")
    public Double minCurrentA;
    @Column(name = "max_current_a")
    public Double maxCurrentA;
    @Column(name = "is_reachable")
    public Boolean isReachable;
    @Column(name = "unreachable_reason")
    public String unreachableReason;
    /** The device's clock (event time) of the latest report. */
    @Column(name = "observed_at")
    public Instant observedAt;
    @Column(name = "received_at")
    public Instant receivedAt;
    @Column(name = "is_plugged_in")
    public Boolean isPluggedIn;
    @Column(name = "is_charging")
    public Boolean isCharging;
    @Column(name = "reported_max_current_a")
    public Double reportedMaxCurrentA;
    @Column(name = "published_capabilities")
    public String publishedCapabilities;
    public boolean removed;
    @Column(name = "linked_at")
    public Instant linkedAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public DeviceType type() {
        return DeviceType.valueOf(deviceType.toUpperCase(java.util.Locale.ROOT));
    }

    public DeviceFacts facts() {
        return new DeviceFacts(type(), deviceId, vendor, new DeviceCapabilities(canStart, canStop, canSetMaxCurrent,
                false), new ElectricalData(phases, voltageV, minCurrentA, maxCurrentA), isReachable,
                unreachableReason, status());
    }

    public DeviceStatus status() {
        return new DeviceStatus(observedAt, isPluggedIn, isCharging, reportedMaxCurrentA);
    }
}
