package io.plugmate.charger.oem;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.charger.domain.PlugSessions;
import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.charger.persistence.ChargerRepository;
import io.plugmate.charger.service.ChargerSessionService;
import io.plugmate.device.DeviceObservations;
import io.plugmate.device.ObservationConfig;
import io.plugmate.device.StateOrder;
import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.Topics;
import io.plugmate.messaging.Outbox;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Chargers as the shared webhook intake and poller see them, and one OEM observation of one charger (device-kit's
 * {@link DeviceObservations}: each report recorded once, state only from ones not older), published as
 * {@code ChargerStateObserved}
 * and placed among the charger's plug sessions ({@link ChargerSessionService}).
 */
@ApplicationScoped
public class Observations extends DeviceObservations<ChargerEntity, ChargerReport> {

    private static final String RECORD = """
            insert into charger_observation (charger_id, observed_at, content_hash, received_at, is_plugged_in,
            energy_meter_kwh) values (:c, :at, :hash, :now, :plugged, :meter) on conflict do nothing""";

    private final ChargerSessionService sessions;
    private final Outbox outbox;

    public Observations(ChargerRepository chargers, ChargerSessionService sessions, Outbox outbox, ObjectMapper json,
            ObservationConfig config) {
        super(DeviceKind.charger, ChargerReport.class, chargers, json, config);
        this.sessions = sessions;
        this.outbox = outbox;
    }

    /** The reading's cable and meter are kept with it: sessions are derived from these, by event time. */
    @Override
    protected Uni<Boolean> recorded(ChargerEntity c, ChargerReport r, Instant observedAt, String contentHash,
            Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery(RECORD).setParameter("c", c.id)
                .setParameter("at", observedAt).setParameter("hash", contentHash).setParameter("now", now)
                .setParameter("plugged", r.isPluggedIn())
                .setParameter("meter", r.energyMeterKwh()).executeUpdate()).map(inserted -> inserted > 0);
    }

    @Override
    protected void newerState(ChargerEntity c, ChargerReport r, Instant observedAt) {
        c.chargeRateKw = r.chargeRateKw();
        c.energyMeterKwh = keep(r.energyMeterKwh(), c.energyMeterKwh);
    }

    /**
     * The charger's row is locked (applyToCopies): state and sessions see one reading after the other. A read from
     * before the plug change of its second is not placed among the sessions either: taken as the second's last word, an
     * unplugged one would close, at zero length, the session the plug-in of that second opened.
     */
    @Override
    protected Uni<Void> published(ChargerEntity c, ChargerReport r, StateOrder order, Instant observedAt,
            Instant now) {
        return outbox.publish(Topics.CHARGER_STATE, c.userId, new ChargerStateObserved(UUID.randomUUID(),
                ChargerStateObserved.SCHEMA_VERSION, c.clientId, c.userId, now, c.id.toString(), c.vendor, observedAt,
                r.isPluggedIn(), r.isCharging(), r.chargeRateKw(), r.maxCurrentA()))
                .chain(() -> r.isPluggedIn() == null || order == StateOrder.READ_BEFORE_THE_CHANGE
                        ? Uni.createFrom().voidItem()
                        : sessions.place(c, new PlugSessions.Reading(observedAt, r.isPluggedIn(), r.energyMeterKwh())));
    }
}
