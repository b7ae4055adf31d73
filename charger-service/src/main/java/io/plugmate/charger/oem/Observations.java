package io.plugmate.charger.oem;

import static io.plugmate.device.ObservationWrite.column;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.charger.domain.PlugSessions;
import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.charger.persistence.ChargerRepository;
import io.plugmate.charger.service.ChargerSessionService;
import io.plugmate.device.DeviceObservations;
import io.plugmate.device.ObservationConfig;
import io.plugmate.device.ObservationWrite;
import io.plugmate.device.StateOrder;
import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.Topics;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.smallrye.mutiny.Uni;

/**
 * Chargers as the shared webhook intake and poller see them, and one OEM observation of one charger (device-kit's
 * {@link DeviceObservations}: each report recorded once, state only from ones not older), published as
 * {@code ChargerStateObserved}
 * and placed among the charger's plug sessions ({@link ChargerSessionService}).
 */
@ApplicationScoped
public class Observations extends DeviceObservations<ChargerEntity, ChargerReport> {

    /**
     * An observation (its cable and meter kept with it: sessions are derived from these, by event time), the charger's
     * state and its event: one statement for all a batch brings (issue 14).
     */
    private static final ObservationWrite RECORD = ObservationWrite.of("charger", "charger_observation", "charger_id",
            List.of(column("is_plugged_in", "boolean"), column("energy_meter_kwh", "float8")),
            List.of(column("charge_rate_kw", "float8"), column("energy_meter_kwh", "float8")));

    private final ChargerSessionService sessions;

    public Observations(ChargerRepository chargers, ChargerSessionService sessions, ObjectMapper json,
            ObservationConfig config) {
        super(DeviceKind.charger, ChargerReport.class, chargers, json, config, RECORD);
        this.sessions = sessions;
    }

    @Override
    protected ObservationWrite.Row observation(ChargerEntity c, ChargerReport r, Instant observedAt, String contentHash,
            Instant now) {
        Map<String, Object> reported = new HashMap<>();
        reported.put("is_plugged_in", r.isPluggedIn());
        reported.put("energy_meter_kwh", r.energyMeterKwh());
        Map<String, Object> state = new HashMap<>();
        state.put("charge_rate_kw", c.chargeRateKw);
        state.put("energy_meter_kwh", c.energyMeterKwh);
        return RECORD.row(c, observedAt, contentHash, now).observation(reported).state(state).publishing(
                Topics.CHARGER_STATE, c.userId, new ChargerStateObserved(UUID.randomUUID(),
                        ChargerStateObserved.SCHEMA_VERSION, c.clientId, c.userId, now, c.id.toString(), c.vendor,
                        observedAt, r.isPluggedIn(), r.isCharging(), r.chargeRateKw(), r.maxCurrentA()));
    }

    @Override
    protected void newerState(ChargerEntity c, ChargerReport r, Instant observedAt) {
        c.chargeRateKw = r.chargeRateKw();
        c.energyMeterKwh = keep(r.energyMeterKwh(), c.energyMeterKwh);
    }

    /**
     * The chargers' rows are locked (read for update): state and sessions see one reading after the other, and a
     * batch's chargers are placed together (their sessions and readings read in one statement each). A read from
     * before the plug change of its second is not placed among the sessions: taken as the second's last word, an
     * unplugged one would close, at zero length, the session the plug-in of that second opened.
     */
    @Override
    protected Uni<Void> followUp(List<Observed<ChargerEntity, ChargerReport>> observed) {
        return sessions.placeAll(observed.stream()
                .filter(o -> o.report().isPluggedIn() != null && o.order() != StateOrder.READ_BEFORE_THE_CHANGE)
                .map(o -> new ChargerSessionService.Placement(o.device(), new PlugSessions.Reading(o.observedAt(),
                        o.report().isPluggedIn(), o.report().energyMeterKwh())))
                .toList());
    }
}
