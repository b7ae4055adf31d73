package io.plugmate.charger.oem;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.charger.domain.PlugSessions;
import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.charger.persistence.ChargerRepository;
import io.plugmate.charger.service.ChargerSessionService;
import io.plugmate.commons.time.WallClock;
import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.Topics;
import io.plugmate.messaging.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * One OEM observation of one charger, inside the caller's transaction: published as {@code ChargerStateObserved}
 * when new (late ones too: pairing orders by event time), applied to the charger's state only when newer, and placed
 * among the charger's plug sessions ({@link ChargerSessionService}).
 */
@ApplicationScoped
public class Observations {

    private static final String RECORD = """
            insert into charger_observation (charger_id, observed_at, received_at, is_plugged_in, energy_meter_kwh)
            values (:c, :at, :now, :plugged, :meter) on conflict do nothing""";

    private final ChargerRepository chargers;
    private final ChargerSessionService sessions;
    private final Outbox outbox;

    public Observations(ChargerRepository chargers, ChargerSessionService sessions, Outbox outbox) {
        this.chargers = chargers;
        this.sessions = sessions;
        this.outbox = outbox;
    }

    /** Applies the report to every linked copy of the OEM charger (each API client has its own). */
    public Uni<Integer> apply(String vendor, ChargerReport report) {
        return chargers.applyToCopies(vendor, report.chargerId(), charger -> applyTo(charger, report));
    }

    private Uni<Boolean> applyTo(ChargerEntity charger, ChargerReport report) {
        Instant observedAt = WallClock.micros(report.observedAt());
        Instant now = WallClock.now();
        // the charger's row is locked (applyToCopies): state and sessions see one reading after the other
        return Panache.getSession().chain(s -> s.createNativeQuery(RECORD).setParameter("c", charger.id)
                .setParameter("at", observedAt).setParameter("now", now).setParameter("plugged", report.isPluggedIn())
                .setParameter("meter", report.energyMeterKwh()).executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        return Uni.createFrom().item(false);
                    }
                    charger.isReachable = true;
                    charger.lastSeen = now;
                    charger.updatedAt = now;
                    if (charger.stateObservedAt == null || observedAt.isAfter(charger.stateObservedAt)) {
                        charger.stateObservedAt = observedAt;
                        charger.isPluggedIn = keep(report.isPluggedIn(), charger.isPluggedIn);
                        charger.isCharging = keep(report.isCharging(), charger.isCharging);
                        charger.chargeRateKw = report.chargeRateKw();
                        charger.maxCurrentA = keep(report.maxCurrentA(), charger.maxCurrentA);
                        charger.energyMeterKwh = keep(report.energyMeterKwh(), charger.energyMeterKwh);
                    }
                    return outbox.publish(Topics.CHARGER_STATE, charger.userId,
                            new ChargerStateObserved(UUID.randomUUID(), ChargerStateObserved.SCHEMA_VERSION,
                                    charger.clientId, charger.userId, now, charger.id.toString(), charger.vendor,
                                    observedAt, report.isPluggedIn(), report.isCharging(), report.chargeRateKw(),
                                    report.maxCurrentA()))
                            .chain(() -> report.isPluggedIn() == null ? Uni.createFrom().voidItem()
                                    : sessions.place(charger, new PlugSessions.Reading(observedAt,
                                            report.isPluggedIn(), report.energyMeterKwh())))
                            .replaceWith(true);
                });
    }

    private static <T> T keep(T reported, T known) {
        return reported != null ? reported : known;
    }
}
