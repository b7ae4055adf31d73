package io.plugmate.charger.oem;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.device.DeviceMapping;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.ElectricalData;
import io.plugmate.oem.OemDevice;

/**
 * A charger as its OEM describes it: what every device takes (device-kit), the serial number and the supply (phases,
 * voltage, settable current range), which {@code DeviceLinked} and {@code DeviceUpdated} carry for orchestration.
 */
@ApplicationScoped
public class ChargerMapping extends DeviceMapping<ChargerEntity> {

    @Override
    protected ChargerEntity create() {
        return new ChargerEntity();
    }

    /** A listing without supply data keeps what an earlier one said. */
    @Override
    protected void describe(ChargerEntity c, OemDevice listed) {
        c.vendorChargerId = listed.id();
        if (listed.information() != null) {
            c.serialNumber = listed.information().serialNumber();
        }
        OemDevice.Electrical supply = listed.electrical();
        if (supply != null) {
            c.phases = supply.phases();
            c.voltageV = supply.voltageV();
            c.minSettableCurrentA = supply.minCurrentA();
            c.maxSettableCurrentA = supply.maxCurrentA();
        }
    }

    /** Chargers have no location capability: where a charger is comes from pairing's learned places. */
    @Override
    public DeviceCapabilities capabilities(ChargerEntity c) {
        return new DeviceCapabilities(c.canStartCharging, c.canStopCharging, c.canSetMaxCurrent, false);
    }

    @Override
    public ElectricalData electrical(ChargerEntity c) {
        boolean unknown = c.phases == null && c.voltageV == null && c.minSettableCurrentA == null
                && c.maxSettableCurrentA == null;
        return unknown ? null : new ElectricalData(c.phases, c.voltageV, c.minSettableCurrentA, c.maxSettableCurrentA);
    }
}
