package io.plugmate.vehicle.oem;

import static io.plugmate.device.ObservationWrite.column;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.device.DeviceObservations;
import io.plugmate.device.ObservationConfig;
import io.plugmate.device.ObservationWrite;
import io.plugmate.events.GeoLocation;
import io.plugmate.events.Topics;
import io.plugmate.events.VehicleStateObserved;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.plugmate.vehicle.persistence.VehicleRepository;

/**
 * Vehicles as the shared webhook intake and poller see them, and one OEM observation of one vehicle (device-kit's
 * {@link DeviceObservations}: each report recorded once, state only from ones not older), published as
 * {@code VehicleStateObserved}.
 */
@ApplicationScoped
public class Observations extends DeviceObservations<VehicleEntity, VehicleReport> {

    /** Observations, the vehicles' state and their events: one statement for all a batch brings (issue 14). */
    private static final ObservationWrite RECORD = ObservationWrite.of("vehicle", "vehicle_observation", "vehicle_id",
            List.of(), List.of(column("vehicle_charge_rate_kw", "float8"), column("battery_level", "float8"),
                    column("range_km", "float8"), column("charge_limit", "float8"), column("is_fully_charged", "boolean"),
                    column("latitude", "float8"), column("longitude", "float8"),
                    column("location_observed_at", "timestamptz")));

    public Observations(VehicleRepository vehicles, ObjectMapper json, ObservationConfig config) {
        super(DeviceKind.vehicle, VehicleReport.class, vehicles, json, config, RECORD);
    }

    @Override
    protected ObservationWrite.Row observation(VehicleEntity v, VehicleReport r, Instant observedAt, String contentHash,
            Instant now) {
        Map<String, Object> state = new HashMap<>();
        state.put("vehicle_charge_rate_kw", v.vehicleChargeRateKw);
        state.put("battery_level", v.batteryLevel);
        state.put("range_km", v.rangeKm);
        state.put("charge_limit", v.chargeLimit);
        state.put("is_fully_charged", v.isFullyCharged);
        state.put("latitude", v.latitude);
        state.put("longitude", v.longitude);
        state.put("location_observed_at", v.locationObservedAt);
        return RECORD.row(v, observedAt, contentHash, now).state(state).publishing(Topics.VEHICLE_STATE, v.userId,
                new VehicleStateObserved(UUID.randomUUID(), VehicleStateObserved.SCHEMA_VERSION, v.clientId, v.userId,
                        now, v.id.toString(), v.vendor, observedAt, r.isPluggedIn(), r.isCharging(), r.chargeRateKw(),
                        r.batteryLevel(), position(r), r.maxCurrentA()));
    }

    @Override
    protected void newerState(VehicleEntity v, VehicleReport r, Instant observedAt) {
        v.vehicleChargeRateKw = r.chargeRateKw();
        v.batteryLevel = keep(r.batteryLevel(), v.batteryLevel);
        v.rangeKm = keep(r.rangeKm(), v.rangeKm);
        v.chargeLimit = keep(r.chargeLimit(), v.chargeLimit);
        v.isFullyCharged = v.batteryLevel != null && v.chargeLimit != null ? v.batteryLevel >= v.chargeLimit
                : v.isFullyCharged;
        if (position(r) != null) {
            v.latitude = r.location().latitude();
            v.longitude = r.location().longitude();
            v.locationObservedAt = observedAt;
        }
    }

    private static GeoLocation position(VehicleReport r) {
        return r.location() == null || r.location().latitude() == null || r.location().longitude() == null ? null
                : new GeoLocation(r.location().latitude(), r.location().longitude());
    }
}
