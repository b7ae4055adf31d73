package io.plugmate.pairing.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Name-based ids, so that the live service and the replay produce the same pair ids and event ids from the same
 * input.
 */
public final class Ids {

    private Ids() {
    }

    public static String pairId(String clientId, String userId, String vehicleId, String chargerId) {
        return uuid("pair", clientId, userId, vehicleId, chargerId).toString();
    }

    static UUID eventId(String clientId, String userId, long sequence) {
        return uuid("pair-event", clientId, userId, Long.toString(sequence));
    }

    private static UUID uuid(String... parts) {
        // the unit separator cannot occur in ids, so ("a|b","c") and ("a","b|c") stay different
        return UUID.nameUUIDFromBytes(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8));
    }
}
