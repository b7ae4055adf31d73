package io.plugmate.events;

import java.time.Instant;
import java.util.UUID;

/** A charging session as the charger's own meter measured it: energy = meter stop − meter start. */
public record ChargerSessionRecorded(UUID eventId, int schemaVersion, String clientId, String userId,
        Instant occurredAt, String sessionId, String chargerId, String vendor, Instant startedAt, Instant endedAt,
        Double meterStartKwh, Double meterStopKwh)
        implements
            PlugmateEvent {

    public static final int SCHEMA_VERSION = 1;

    /** Null when either reading is unknown; consumers decide what a negative difference (a meter reset) means. */
    public Double energyKwh() {
        return meterStartKwh == null || meterStopKwh == null ? null : meterStopKwh - meterStartKwh;
    }
}
