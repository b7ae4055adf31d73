package io.plugmate.simulator.domain;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The simulated OEM clouds. Apart from TESLA every name is invented so nobody mistakes the simulator for a real
 * cloud. TESLA is the multi-type vendor: one account holds the owner's vehicles and Wall Connectors.
 */
public enum Vendor {
    TESLA("Tesla",
            new VehicleTraits(true, true, false, true, true, true, Duration.ofSeconds(100), Duration.ofMinutes(6),
                    List.of(new VehicleModel("Model 3 Long Range", 2024, 75, 11, 3),
                            new VehicleModel("Model Y", 2025, 75, 11, 3))),
            new ChargerTraits("Wall Connector Gen 3", true, true, true, Duration.ofSeconds(30), Duration.ofMinutes(5), 3, 32),
            60, 3, 15),
    /** No start/stop through the cloud and no vehicle-side charge rate: cheap telematics. */
    VOLTRA("Voltra",
            new VehicleTraits(false, true, false, false, false, false, Duration.ofMinutes(2), Duration.ofMinutes(7),
                    List.of(new VehicleModel("e-City", 2023, 42, 7.4, 1), new VehicleModel("e-Cross", 2024, 64, 11, 3))),
            null, 30, 10, 40),
    /** No GPS: the pairing detector gets no location evidence. */
    NORDAUTO("Nordauto",
            new VehicleTraits(true, false, false, false, true, false, Duration.ofMinutes(2), Duration.ofMinutes(7),
                    List.of(new VehicleModel("Fjord", 2024, 77, 11, 3))),
            null, 30, 5, 30),
    /** Sleeps when idle; while asleep the cloud keeps re-sending its last, stale report. */
    DORMIO("Dormio",
            new VehicleTraits(true, true, true, false, true, false, Duration.ofSeconds(150), Duration.ofMinutes(8),
                    List.of(new VehicleModel("Slumber", 2022, 58, 11, 3))),
            null, 20, 20, 60),
    /** Accepts a maximum charge current, so the vehicle itself can be throttled. */
    AMPERIA("Amperia",
            new VehicleTraits(true, true, false, true, true, true, Duration.ofMinutes(2), Duration.ofMinutes(7),
                    List.of(new VehicleModel("Volt GT", 2025, 90, 11, 3), new VehicleModel("Volt S", 2024, 60, 7.4, 1))),
            null, 60, 2, 10),
    /** Charger without a settable maximum current. */
    WATTBOX("Wattbox", null,
            new ChargerTraits("Home 11", true, false, true, Duration.ofMinutes(1), Duration.ofMinutes(5), 3, 16),
            60, 2, 8),
    /** Charger that reports no charge rate (only its energy meter). */
    ZAPLINE("Zapline", null,
            new ChargerTraits("Z1 Single", true, true, false, Duration.ofSeconds(20), Duration.ofMinutes(4), 1, 32),
            120, 1, 5);

    private final String brand;
    private final VehicleTraits vehicle;
    private final ChargerTraits charger;
    private final int requestsPerMinute;
    private final int minCommandLatencySeconds;
    private final int maxCommandLatencySeconds;

    Vendor(String brand, VehicleTraits vehicle, ChargerTraits charger, int requestsPerMinute, int minLatency,
            int maxLatency) {
        this.brand = brand;
        this.vehicle = vehicle;
        this.charger = charger;
        this.requestsPerMinute = requestsPerMinute;
        this.minCommandLatencySeconds = minLatency;
        this.maxCommandLatencySeconds = maxLatency;
    }

    /** Case-insensitive lookup, for path segments like {@code /oem/tesla}. */
    public static Optional<Vendor> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String upper = name.toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.name().equals(upper)).findFirst();
    }

    public static List<Vendor> vehicleVendors() {
        return Arrays.stream(values()).filter(Vendor::makesVehicles).toList();
    }

    public static List<Vendor> chargerVendors() {
        return Arrays.stream(values()).filter(Vendor::makesChargers).toList();
    }

    public String brand() {
        return brand;
    }

    public boolean makesVehicles() {
        return vehicle != null;
    }

    public boolean makesChargers() {
        return charger != null;
    }

    public boolean makes(DeviceType type) {
        return type == DeviceType.VEHICLE ? makesVehicles() : makesChargers();
    }

    public VehicleTraits vehicle() {
        if (vehicle == null) {
            throw new IllegalStateException(name() + " makes no vehicles");
        }
        return vehicle;
    }

    public ChargerTraits charger() {
        if (charger == null) {
            throw new IllegalStateException(name() + " makes no chargers");
        }
        return charger;
    }

    public int requestsPerMinute() {
        return requestsPerMinute;
    }

    public int minCommandLatencySeconds() {
        return minCommandLatencySeconds;
    }

    public int maxCommandLatencySeconds() {
        return maxCommandLatencySeconds;
    }
}
