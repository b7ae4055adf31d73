package io.plugmate.simulator.oem;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.plugmate.simulator.domain.Capabilities;
import io.plugmate.simulator.domain.Charger;
import io.plugmate.simulator.domain.ChargerTraits;
import io.plugmate.simulator.domain.ChargingPhysics;
import io.plugmate.simulator.domain.Vehicle;
import io.plugmate.simulator.domain.Vendor;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A device as the OEM lists it; {@code deviceType} is {@code vehicle} or {@code charger}. Chargers also describe their
 * supply ({@code electrical}), which orchestration needs to turn a power limit into a current.
 */
@RegisterForReflection
public record DeviceDto(String id, Vendor vendor, String deviceType, Information information,
        Capabilities capabilities, @JsonInclude(JsonInclude.Include.NON_NULL) Electrical electrical) {

    /**
     * Phases, voltage per phase, and the current range the charger takes: 6 A up to its hardware maximum where the
     * current can be set, else the fixed current it always delivers.
     */
    @RegisterForReflection
    public record Electrical(int phases, double voltageV, double minCurrentA, double maxCurrentA) {

        static Electrical of(ChargerTraits traits) {
            double max = traits.hardwareMaxCurrentA();
            return new Electrical(traits.phases(), ChargingPhysics.VOLTS, traits.maxCurrent() ? MIN_CURRENT_A : max,
                    max);
        }
    }

    /** The smallest current a charger with a settable limit accepts (IEC 61851). */
    static final double MIN_CURRENT_A = 6;

    /** Vehicles carry {@code year} and {@code vin}, chargers {@code serialNumber}. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Information(String brand, String model, Integer year, String vin, String serialNumber,
            String displayName) {
    }

    public static DeviceDto of(Vehicle v) {
        return new DeviceDto(v.id(), v.vendor(), "vehicle", new Information(v.vendor().brand(), v.model().name(),
                v.model().year(), v.vin(), null, v.vendor().brand() + " " + v.model().name()), v.capabilities(), null);
    }

    public static DeviceDto of(Charger c) {
        String model = c.vendor().charger().model();
        return new DeviceDto(c.id(), c.vendor(), "charger", new Information(c.vendor().brand(), model, null, null,
                c.serialNumber(), c.vendor().brand() + " " + model), c.capabilities(),
                Electrical.of(c.vendor().charger()));
    }
}
