package io.plugmate.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * An OEM account was linked for a user (docs/adr/0004): charger-service discovers the account's chargers from it.
 * {@code sealedAccessToken} is AES-GCM-encrypted with the shared OEM credentials key, bound to {@code accountId}; no
 * plaintext credential ever travels on Kafka. Only vehicle-service holds the refresh token.
 * <p>
 * {@code linkedByUser} (schema 2, docs/adr/0011): true when the user has just completed the link flow, false or null
 * for a credential rotation. Only an explicit link brings back a charger the client unlinked.
 * <p>
 * {@code scopes} (schema 3, docs/adr/0012): every scope the API client was granted for the account (e.g.
 * {@code charger:control:charging}), at every link and every rotation. Null from a producer before schema 3: the
 * receiver keeps what it knew (an account never told any grants its chargers everything, as before).
 */
public record OemAccountLinked(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        String accountId, String vendor, String oemAccountId, List<DeviceType> deviceTypes, String sealedAccessToken,
        Instant accessTokenExpiresAt, Boolean linkedByUser, List<String> scopes)
        implements
            PlugmateEvent {

    public static final int SCHEMA_VERSION = 3;

    /** A credential rotation's announcement (schema 1's fields). */
    public OemAccountLinked(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
            String accountId, String vendor, String oemAccountId, List<DeviceType> deviceTypes,
            String sealedAccessToken, Instant accessTokenExpiresAt) {
        this(eventId, schemaVersion, clientId, userId, occurredAt, accountId, vendor, oemAccountId, deviceTypes,
                sealedAccessToken, accessTokenExpiresAt, null, null);
    }

    /** Schema 2's fields: the scopes unknown. */
    public OemAccountLinked(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
            String accountId, String vendor, String oemAccountId, List<DeviceType> deviceTypes,
            String sealedAccessToken, Instant accessTokenExpiresAt, Boolean linkedByUser) {
        this(eventId, schemaVersion, clientId, userId, occurredAt, accountId, vendor, oemAccountId, deviceTypes,
                sealedAccessToken, accessTokenExpiresAt, linkedByUser, null);
    }

    /** Whether the user has just linked the account (a null of schema 1 is a rotation). */
    public boolean explicitLink() {
        return Boolean.TRUE.equals(linkedByUser);
    }

    @JsonCreator
    public OemAccountLinked {
        deviceTypes = deviceTypes == null ? List.of() : List.copyOf(deviceTypes);
        scopes = scopes == null ? null : List.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "OemAccountLinked[eventId=" + eventId + ", clientId=" + clientId + ", accountId=" + accountId
                + ", vendor=" + vendor + "]";
    }
}
