package io.plugmate.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An OEM account was linked for a user (docs/adr/0004): charger-service discovers the account's chargers from it.
 * {@code sealedAccessToken} is AES-GCM-encrypted with the shared OEM credentials key, bound to {@code accountId}; no
 * plaintext credential ever travels on Kafka. Only vehicle-service holds the refresh token.
 */
public record OemAccountLinked(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        String accountId, String vendor, String oemAccountId, List<DeviceType> deviceTypes, String sealedAccessToken,
        Instant accessTokenExpiresAt)
        implements
            PlugmateEvent {

    public static final int SCHEMA_VERSION = 1;

    public OemAccountLinked {
        deviceTypes = deviceTypes == null ? List.of() : List.copyOf(deviceTypes);
    }

    @Override
    public String toString() {
        return "OemAccountLinked[eventId=" + eventId + ", clientId=" + clientId + ", accountId=" + accountId
                + ", vendor=" + vendor + "]";
    }
}
