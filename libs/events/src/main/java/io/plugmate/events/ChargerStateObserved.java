package io.plugmate.events;

import java.time.Instant;
import java.util.UUID;

/** A charger's state as measured at {@code observedAt}; {@code chargeRateKw} is the wall measurement. */
public record ChargerStateObserved(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        String chargerId, String vendor, Instant observedAt, Boolean isPluggedIn, Boolean isCharging,
        Double chargeRateKw, Double maxCurrentA)
        implements
            PlugmateEvent {

    public static final int SCHEMA_VERSION = 1;
}
