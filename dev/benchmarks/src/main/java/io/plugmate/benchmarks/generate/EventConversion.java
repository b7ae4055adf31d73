package io.plugmate.benchmarks.generate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import io.plugmate.benchmarks.files.ScenarioRecord;
import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceType;
import io.plugmate.events.GeoLocation;
import io.plugmate.events.Topics;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.simulator.domain.Capabilities;
import io.plugmate.simulator.domain.ChargerReport;
import io.plugmate.simulator.domain.Device;
import io.plugmate.simulator.domain.ReportDelivery;
import io.plugmate.simulator.domain.VehicleReport;

/**
 * Turns the simulated world into the records the device services would publish for one API client: a
 * {@code DeviceLinked} per device, and per report delivery a state event whose {@code observedAt} is the report's own
 * (skewed) event time and whose {@code occurredAt} is the delivery instant. The userId is the household id. Event ids
 * are name-based on the scenario and a running number, so the same world gives byte-identical files.
 */
public final class EventConversion {

    /** The API client every generated household belongs to. */
    public static final String CLIENT_ID = "bench-client";

    private final String scenario;
    private final Function<String, Duration> extraClockSkew;
    private long sequence;

    public EventConversion(String scenario) {
        this(scenario, id -> Duration.ZERO);
    }

    /** @param extraClockSkew per vehicle, added to its reports' event times (a clock further off than the fleet's) */
    public EventConversion(String scenario, Function<String, Duration> extraClockSkew) {
        this.scenario = scenario;
        this.extraClockSkew = extraClockSkew;
    }

    public ScenarioRecord linked(String householdId, Device device, Instant at) {
        Capabilities caps = device.capabilities();
        DeviceType type = device.type() == io.plugmate.simulator.domain.DeviceType.VEHICLE ? DeviceType.VEHICLE
                : DeviceType.CHARGER;
        DeviceLinked event = new DeviceLinked(nextEventId(), DeviceLinked.SCHEMA_VERSION, CLIENT_ID, householdId, at,
                type, device.id(), device.vendor().name(),
                new DeviceCapabilities(caps.startCharging(), caps.stopCharging(), caps.setMaxCurrent(), caps.location()));
        return new ScenarioRecord(Topics.DEVICE_LIFECYCLE, householdId, event);
    }

    /** A delivered report, a duplicate delivery included (it becomes a second record with its own event id). */
    public ScenarioRecord observed(String householdId, ReportDelivery delivery) {
        return switch (delivery.report()) {
            case VehicleReport r -> new ScenarioRecord(Topics.VEHICLE_STATE, householdId, vehicle(householdId, r,
                    delivery.deliveredAt()));
            case ChargerReport r -> new ScenarioRecord(Topics.CHARGER_STATE, householdId, charger(householdId, r,
                    delivery.deliveredAt()));
        };
    }

    private VehicleStateObserved vehicle(String userId, VehicleReport r, Instant deliveredAt) {
        GeoLocation location = r.location() == null ? null
                : new GeoLocation(r.location().latitude(), r.location().longitude());
        return new VehicleStateObserved(nextEventId(), VehicleStateObserved.SCHEMA_VERSION, CLIENT_ID, userId,
                deliveredAt, r.vehicleId(), r.vendor().name(), r.observedAt().plus(extraClockSkew.apply(r.vehicleId())),
                r.isPluggedIn(), r.isCharging(),
                r.chargeRateKw(), (double) r.batteryLevel(), location);
    }

    private ChargerStateObserved charger(String userId, ChargerReport r, Instant deliveredAt) {
        return new ChargerStateObserved(nextEventId(), ChargerStateObserved.SCHEMA_VERSION, CLIENT_ID, userId,
                deliveredAt, r.chargerId(), r.vendor().name(), r.observedAt(), r.isPluggedIn(), r.isCharging(),
                r.chargeRateKw(), r.maxCurrentA() == null ? null : r.maxCurrentA().doubleValue());
    }

    private UUID nextEventId() {
        String name = "bench\u001f" + scenario + '\u001f' + (++sequence);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
