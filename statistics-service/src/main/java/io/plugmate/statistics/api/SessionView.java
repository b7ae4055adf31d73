package io.plugmate.statistics.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.plugmate.statistics.domain.Attribution;
import io.plugmate.statistics.domain.AttributionStatus;
import io.plugmate.statistics.domain.Basis;
import io.plugmate.statistics.domain.CrossCheck;
import io.plugmate.statistics.domain.Gap;
import io.plugmate.statistics.domain.Source;
import io.plugmate.statistics.persistence.SessionEntity;
import io.plugmate.statistics.service.ServedSession;

@Schema(name = "ChargingSession", description = "A charging session: measured by the charger's meter (NATIVE) or "
        + "estimated from telemetry (ESTIMATED), attributed to a vehicle through the pair active during it. Times are "
        + "event times (when the devices measured).")
public record SessionView(
        String id,
        @Schema(example = "hh-0001") String userId,
        Source source,
        @Schema(description = "CHARGER_METER (meter stop − meter start), CHARGER_RATE (the charger's wall power "
                + "integrated) or VEHICLE_RATE (the vehicle's charge rate integrated)") Basis basis,
        @Schema(description = "The charger it was measured on; null for a vehicle's own estimate") String chargerId,
        @Schema(description = "The vehicle it is attributed to, or that measured it; null for a guest or an ambiguity") String vehicleId,
        Instant startedAt,
        Instant endedAt,
        @Schema(description = "null when the meter was not reported or went backwards", example = "22.481") Double energyKwh,
        @Schema(description = "NATIVE only: the meter readings") Meter meter,
        @Schema(description = "ESTIMATED only: stretches the telemetry did not cover well; energy there is bounded, "
                + "not guessed") List<GapView> gaps,
        AttributionView attribution,
        @Schema(description = "Every attribution the session had, oldest first") List<AttributionView> attributionHistory,
        @Schema(description = "The vehicle's own estimate of this energy, kept as a cross-check: the difference is the "
                + "charging loss") CrossCheck crossCheck,
        @Schema(description = "Set when another measurement of the same energy is counted instead (native over "
                + "estimated, a charger's estimate over a vehicle's); such a session is not listed, only fetched by id. "
                + "Null too when that measurement is withheld from the client (its charger's link did not grant "
                + "charger:read:data): this one counts") String supersededBy) {

    @Schema(name = "Meter")
    public record Meter(Double startKwh, Double stopKwh) {
    }

    @Schema(name = "TelemetryGap")
    public record GapView(Instant from, Instant to, double countedMinutes, String why) {
    }

    static SessionView of(ServedSession served) {
        SessionEntity s = served.session();
        Attribution current = new Attribution(s.attribution, s.vehicleId, s.pairId, s.confidence, s.attributedBy,
                s.candidates, s.attributionAt, s.attributionReason);
        return new SessionView(s.id, s.userId, s.source, s.basis, s.chargerId,
                s.attribution == AttributionStatus.VEHICLE ? s.ownVehicleId : s.vehicleId, s.startedAt, s.endedAt,
                round(s.energyKwh),
                s.source == Source.NATIVE ? new Meter(s.meterStartKwh, s.meterStopKwh) : null,
                s.gaps.stream().map(SessionView::gap).toList(), AttributionView.of(current),
                s.attributionHistory.stream().map(AttributionView::of).toList(), s.crossCheck, served.supersededBy());
    }

    private static GapView gap(Gap g) {
        return new GapView(g.from(), g.to(), g.counted().toMillis() / 60_000.0, g.why());
    }

    static Double round(Double kwh) {
        return kwh == null ? null : Math.round(kwh * 1000) / 1000.0;
    }
}
