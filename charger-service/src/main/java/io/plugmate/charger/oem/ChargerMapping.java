package io.plugmate.charger.oem;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.charger.domain.ChargerScopes;
import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.device.DeviceMapping;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.ElectricalData;
import io.plugmate.oem.OemDevice;

/**
 * A charger as its OEM describes it: what every device takes (device-kit), the serial number and the supply (phases,
 * voltage, settable current range), which {@code DeviceLinked} and {@code DeviceUpdated} carry for orchestration — as
 * far as the scopes the client was granted let it (docs/adr/0012): without {@code charger:control:charging} no start,
 * stop or current limit of its own, so orchestration never commands the charger against the consent; the scopes
 * themselves travel with the announcements, for statistics.
 */
@ApplicationScoped
public class ChargerMapping extends DeviceMapping<ChargerEntity> {

    /** The scopes of the account being synced; null: each charger keeps the ones it has. */
    private final String granting;

    public ChargerMapping() {
        this(null);
    }

    private ChargerMapping(String granting) {
        this.granting = granting;
    }

    /** This mapping for a sync of an account that grants these scopes (they become each listed charger's). */
    public ChargerMapping granting(String scopes) {
        return new ChargerMapping(scopes);
    }

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
        if (granting != null) {
            c.grantedScopes = granting;
        }
        if (!ChargerScopes.allows(c.grantedScopes, ChargerScopes.CONTROL)) {
            c.canStartCharging = false;
            c.canStopCharging = false;
            c.canSetMaxCurrent = false;
        }
    }

    /** Chargers have no location capability: where a charger is comes from pairing's learned places. */
    @Override
    public DeviceCapabilities capabilities(ChargerEntity c) {
        return new DeviceCapabilities(c.canStartCharging, c.canStopCharging, c.canSetMaxCurrent, false);
    }

    /**
     * The charger's granted scopes, sorted, for {@code DeviceLinked}/{@code DeviceUpdated} (statistics withholds what a
     * charger measured without {@code charger:read:data}); null while its account was never told any.
     */
    @Override
    public List<String> scopes(ChargerEntity c) {
        ChargerScopes granted = ChargerScopes.parse(c.grantedScopes);
        return granted == null ? null : granted.scopes().stream().sorted().toList();
    }

    @Override
    public ElectricalData electrical(ChargerEntity c) {
        boolean unknown = c.phases == null && c.voltageV == null && c.minSettableCurrentA == null
                && c.maxSettableCurrentA == null;
        return unknown ? null : new ElectricalData(c.phases, c.voltageV, c.minSettableCurrentA, c.maxSettableCurrentA);
    }
}
