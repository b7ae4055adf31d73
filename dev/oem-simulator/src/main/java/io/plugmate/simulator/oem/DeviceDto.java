package io.plugmate.simulator.oem;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.plugmate.simulator.domain.Capabilities;
import io.plugmate.simulator.domain.Charger;
import io.plugmate.simulator.domain.Vehicle;
import io.plugmate.simulator.domain.Vendor;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A device as the OEM lists it; {@code deviceType} is {@code vehicle} or {@code charger}. */
@RegisterForReflection
public record DeviceDto(String id, Vendor vendor, String deviceType, Information information,
        Capabilities capabilities) {

    /** Vehicles carry {@code year} and {@code vin}, chargers {@code serialNumber}. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Information(String brand, String model, Integer year, String vin, String serialNumber,
            String displayName) {
    }

    public static DeviceDto of(Vehicle v) {
        return new DeviceDto(v.id(), v.vendor(), "vehicle", new Information(v.vendor().brand(), v.model().name(),
                v.model().year(), v.vin(), null, v.vendor().brand() + " " + v.model().name()), v.capabilities());
    }

    public static DeviceDto of(Charger c) {
        String model = c.vendor().charger().model();
        return new DeviceDto(c.id(), c.vendor(), "charger", new Information(c.vendor().brand(), model, null, null,
                c.serialNumber(), c.vendor().brand() + " " + model), c.capabilities());
    }
}
