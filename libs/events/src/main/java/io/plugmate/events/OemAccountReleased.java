package io.plugmate.events;

import java.time.Instant;
import java.util.UUID;

/**
 * charger-service no longer needs an OEM account's grant (docs/adr/0011): the API client unlinked the last charger it
 * had from the account. Published by charger-service on {@link Topics#OEM_ACCOUNTS} (key userId, after the account's
 * announcements of the same user); vehicle-service, the one holder of the refresh token, stops announcing the account
 * and — when the account is not linked for vehicles either — revokes the grant at the OEM. {@code occurredAt} is when
 * the charger was unlinked: a link of the account's chargers completed later wins.
 */
public record OemAccountReleased(UUID eventId, int schemaVersion, String clientId, String userId, Instant occurredAt,
        String accountId, String vendor, DeviceType deviceType)
        implements
            PlugmateEvent {

    public static final int SCHEMA_VERSION = 1;
}
