package io.plugmate.device;

import java.time.Instant;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * The OEM credential of a linked account, as the shared machinery (polling, re-sync, commands) uses it: one bean per
 * service. vehicle-service refreshes grants; charger-service only ever has the token last announced (docs/adr/0004).
 */
public interface AccountCredentials {

    /** A usable OEM access token for the account; fails with {@code OemException} when there is none. */
    Uni<String> accessToken(UUID accountId);

    /**
     * The OEM refused the account's credential (a 401 or {@code invalid_grant}) on a call that started at
     * {@code asked}: the account's devices must say so (an intervention) until the credential is renewed. Runs its
     * own transaction; a credential renewed since {@code asked} is left alone.
     */
    Uni<Void> refused(UUID accountId, Instant asked);
}
