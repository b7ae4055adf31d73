package io.plugmate.orchestration.service;

import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.ElectricalData;
import io.plugmate.orchestration.persistence.DeviceEntity;

/** Copies what a lifecycle event says about a device onto its row; null capabilities or data mean "none known". */
final class DeviceRows {

    private DeviceRows() {
    }

    static void describe(DeviceEntity row, String vendor, DeviceCapabilities capabilities, ElectricalData electrical) {
        DeviceCapabilities caps = capabilities == null ? DeviceCapabilities.none() : capabilities;
        row.vendor = vendor;
        row.canStart = caps.startCharging();
        row.canStop = caps.stopCharging();
        row.canSetMaxCurrent = caps.setMaxCurrent();
        row.phases = electrical == null ? null : electrical.phases();
        row.voltageV = electrical == null ? null : electrical.voltageV();
        row.minCurrentA = electrical == null ? null : electrical.minCurrentA();
        row.maxCurrentA = electrical == null ? null : electrical.maxCurrentA();
    }
}
