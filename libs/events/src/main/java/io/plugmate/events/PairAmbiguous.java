package io.plugmate.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Detection found this pair convincing, but as plausible as its {@code candidates} (the ids of rival pairs sharing a
 * device), so it activated none of them. Statistics show a charger session during such a plug-in as unattributed with
 * its candidates. The ambiguity holds for the plug-in it was raised in; a later {@link PairActivated} (a person's
 * confirmation, or new evidence) resolves it.
 */
public record PairAmbiguous(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        String pairId, String vehicleId, String chargerId, List<String> candidates)
        implements
            PairEvent {

    public static final int SCHEMA_VERSION = 1;

    public PairAmbiguous {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }
}
