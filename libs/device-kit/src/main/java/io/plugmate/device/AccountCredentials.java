package io.plugmate.device;

import java.time.Instant;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * The OEM credential of a linked account, as the shared machinery (polling, re-sync, commands) uses it: one bean per
 * service. vehicle-service refreshes grants; charger-service only ever has the token last announced (docs/adr/0004).
 */
public interface AccountCredentials {

    /**
     * A usable OEM access token for the account; fails with {@code OemException} when there is none. Called at once by
     * the poller, command execution, the follow-up and upkeep: an implementation that refreshes does so one refresh at a
     * time per account (OEMs rotate refresh tokens, so a second refresh with the same token is refused), and only
     * {@code invalid_grant} on the account's own refresh makes the grant dead — never {@code invalid_client} or another
     * 401, which say our client configuration is wrong and would otherwise invalidate every account of the vendor.
     */
    Uni<String> accessToken(UUID accountId);

    /**
     * The OEM refused the account's credential (a 401 or {@code invalid_grant}) on a call that started at
     * {@code asked}: the account's devices must say so (an intervention) until the credential is renewed. Runs its
     * own transaction; a credential renewed since {@code asked} is left alone.
     */
    Uni<Void> refused(UUID accountId, Instant asked);
}
