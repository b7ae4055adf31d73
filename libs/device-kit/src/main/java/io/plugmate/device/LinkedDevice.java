package io.plugmate.device;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A linked device as the shared machinery sees it: whose it is, the OEM account it came from (null once that account
 * is gone) and the OEM's own id of it.
 */
@RegisterForReflection
public record LinkedDevice(String id, String clientId, String userId, UUID accountId, String vendor,
        String vendorDeviceId, Instant lastSeen, Instant createdAt) {
}
