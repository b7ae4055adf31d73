package io.plugmate.vehicle.oem;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.device.DeviceMapping;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.oem.OemDevice;
import io.plugmate.vehicle.domain.GrantedScopes;
import io.plugmate.vehicle.persistence.VehicleEntity;

/**
 * A vehicle as its OEM describes it: what every device takes (device-kit), the VIN and the location capability — as
 * far as the scopes the client was granted let it (docs/adr/0012): without {@code vehicle:read:location} no location,
 * without {@code vehicle:control:charging} no charging control of its own. Its capabilities are what
 * {@code DeviceLinked}/{@code DeviceUpdated} announce, so orchestration never commands a vehicle natively against them.
 */
@ApplicationScoped
public class VehicleMapping extends DeviceMapping<VehicleEntity> {

    /** The scopes of the account being synced; null: each vehicle keeps the ones it has. */
    private final String granting;

    public VehicleMapping() {
        this(null);
    }

    private VehicleMapping(String granting) {
        this.granting = granting;
    }

    /** This mapping for a sync of an account that grants these scopes (they become each listed vehicle's). */
    public VehicleMapping granting(String scopes) {
        return new VehicleMapping(scopes);
    }

    @Override
    protected VehicleEntity create() {
        return new VehicleEntity();
    }

    @Override
    protected void describe(VehicleEntity v, OemDevice listed) {
        v.vendorVehicleId = listed.id();
        if (listed.information() != null) {
            v.vin = listed.information().vin();
        }
        if (granting != null) {
            v.grantedScopes = granting;
        }
        GrantedScopes granted = GrantedScopes.parse(v.grantedScopes);
        if (listed.capabilities() != null) {
            v.hasLocation = listed.capabilities().location() && granted.has(GrantedScopes.VEHICLE_LOCATION);
        }
        if (!granted.has(GrantedScopes.VEHICLE_CONTROL)) {
            v.canStartCharging = false;
            v.canStopCharging = false;
            v.canSetMaxCurrent = false;
        }
    }

    /** Listed under a working credential: no intervention is needed any more. */
    @Override
    protected void credentialWorks(VehicleEntity v) {
        v.needsRelink = false;
    }

    @Override
    public DeviceCapabilities capabilities(VehicleEntity v) {
        return new DeviceCapabilities(v.canStartCharging, v.canStopCharging, v.canSetMaxCurrent, v.hasLocation);
    }
}
