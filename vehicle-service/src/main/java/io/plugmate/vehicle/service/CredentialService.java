package io.plugmate.vehicle.service;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import io.plugmate.commons.time.WallClock;
import io.plugmate.device.AccountCredentials;
import io.plugmate.oem.CredentialCipher;
import io.plugmate.oem.OemClient;
import io.plugmate.oem.OemException;
import io.plugmate.oem.OemGrant;
import io.plugmate.vehicle.persistence.OemAccountEntity;
import io.plugmate.vehicle.persistence.OemAccountRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A usable access token for a linked account. vehicle-service is the only refresher of a grant (docs/adr/0004): a
 * token that expires within the margin is refreshed first, and a grant the OEM refuses is marked INVALID so that the
 * user is asked to link again instead of the devices being deleted.
 */
@ApplicationScoped
public class CredentialService implements AccountCredentials {

    private static final Logger LOG = Logger.getLogger(CredentialService.class);
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(2);

    private final OemAccountRepository accounts;
    private final AccountService linked;
    private final OemClient oem;
    private final CredentialCipher cipher;
    private final CredentialRotations rotations;

    public CredentialService(OemAccountRepository accounts, AccountService linked, OemClient oem,
            CredentialCipher cipher, CredentialRotations rotations) {
        this.accounts = accounts;
        this.linked = linked;
        this.oem = oem;
        this.cipher = cipher;
        this.rotations = rotations;
    }

    @Override
    public Uni<String> accessToken(UUID accountId) {
        return Panache.withSession(() -> accounts.findById(accountId)).chain(account -> {
            if (account == null || !"ACTIVE".equals(account.status)) {
                return Uni.createFrom().failure(new OemException(401, "invalid_grant",
                        "the account's grant is no longer valid; the user must link again", null));
            }
            if (account.accessTokenExpiresAt.isAfter(WallClock.now().plus(REFRESH_MARGIN))) {
                return Uni.createFrom().item(cipher.open(account.sealedAccessToken, account.id));
            }
            return refresh(accountId,
                    locked -> !locked.accessTokenExpiresAt.isAfter(WallClock.now().plus(REFRESH_MARGIN)));
        });
    }

    /**
     * The OEM refused a call made with this account's token at {@code asked} (revoked, or expired on its clock): unless
     * the credential was renewed since, refresh now; a refused refresh invalidates the grant (an intervention).
     */
    @Override
    public Uni<Void> refused(UUID accountId, Instant asked) {
        return refresh(accountId, locked -> !locked.updatedAt.isAfter(asked)).replaceWithVoid()
                .onFailure(OemException.class).recoverWithNull();
    }

    /**
     * Refreshes, ahead of expiry, the grants of accounts linked for chargers: charger-service cannot refresh and only
     * has what we announce. A refused refresh invalidates the grant as always.
     *
     * @return how many grants were renewed
     */
    public Uni<Integer> renewExpiring(Duration lookahead, int limit) {
        Instant soon = WallClock.now().plus(lookahead);
        return Panache.withSession(() -> accounts.findChargerGrantsExpiring(soon, limit))
                .chain(expiring -> Multi.createFrom().iterable(expiring).onItem()
                        .transformToUniAndConcatenate(account -> refresh(account.id,
                                locked -> locked.accessTokenExpiresAt.isBefore(soon)).replaceWith(true)
                                .onFailure().recoverWithItem(false))
                        .collect().asList())
                .map(renewed -> (int) renewed.stream().filter(Boolean::booleanValue).count());
    }

    /**
     * Refreshes the grant, one refresh at a time per account (across instances too): the account's row stays locked
     * ({@code select … for update}) from reading the refresh token to storing the new one. OEMs rotate refresh tokens
     * — the old one stops working — so two refreshes with the same token make the second fail with
     * {@code invalid_grant}, which used to invalidate a healthy account. A caller that waited for the lock finds what
     * the one before it stored and, when {@code stillNeeded} says the stored token will do, uses it.
     */
    private Uni<String> refresh(UUID accountId, Predicate<OemAccountEntity> stillNeeded) {
        return Panache.withTransaction(() -> accounts.findById(accountId, LockModeType.PESSIMISTIC_WRITE)
                .chain(locked -> {
                    if (locked == null || !"ACTIVE".equals(locked.status)) {
                        return Uni.createFrom().failure(new AlreadyInvalid());
                    }
                    if (!stillNeeded.test(locked)) {
                        return Uni.createFrom().item(cipher.open(locked.sealedAccessToken, locked.id));
                    }
                    String refreshToken = cipher.open(locked.sealedRefreshToken, locked.id);
                    if (refreshToken == null) {
                        return Uni.createFrom().failure(new OemException(400, "invalid_grant",
                                "no refresh token stored", null));
                    }
                    return oem.refresh(locked.vendor, refreshToken).call(grant -> stored(locked, grant))
                            .map(OemGrant::accessToken);
                }))
                .onFailure(OemException.class).recoverWithUni(failure -> refusedRefresh(accountId,
                        (OemException) failure));
    }

    private Uni<Void> stored(OemAccountEntity locked, OemGrant grant) {
        locked.sealedAccessToken = cipher.seal(grant.accessToken(), locked.id);
        if (grant.refreshToken() != null) {
            locked.sealedRefreshToken = cipher.seal(grant.refreshToken(), locked.id);
        }
        locked.accessTokenExpiresAt = grant.expiresAt();
        locked.updatedAt = WallClock.now();
        return rotations.announce(locked, grant);
    }

    /**
     * Only {@code invalid_grant} on the account's own refresh means the user's grant is dead. Any other refusal —
     * {@code invalid_client} (our client id or secret for the vendor), another 401 — is our misconfiguration: it would
     * hit every account of the vendor, so the accounts are kept and an ERROR says what to fix.
     */
    private Uni<String> refusedRefresh(UUID accountId, OemException failure) {
        if (grantDead(failure)) {
            return failure instanceof AlreadyInvalid ? Uni.createFrom().failure(failure) : invalidate(accountId);
        }
        if (failure.isRefusal()) {
            LOG.errorf("the OEM refused our refresh request for account %s (%d %s: %s): a client configuration "
                    + "error, not the user's grant; the account is kept", accountId, failure.status(),
                    failure.oauthError(), failure.getMessage());
        }
        return Uni.createFrom().failure(failure);
    }

    /** The account was invalidated (or removed) before this refresh got its lock: nothing more to do. */
    private static final class AlreadyInvalid extends OemException {

        AlreadyInvalid() {
            super(401, "invalid_grant", "the account's grant is no longer valid; the user must link again", null);
        }
    }

    /** What the OEM's refusal of a refresh says about the user's grant. */
    static boolean grantDead(OemException failure) {
        return "invalid_grant".equals(failure.oauthError());
    }

    /**
     * The grant is dead: keep the vehicles, flag them for an intervention (announced as unreachable), stop using the
     * credential.
     */
    private Uni<String> invalidate(UUID accountId) {
        return Panache.withTransaction(() -> accounts.findById(accountId).invoke(stored -> {
            stored.status = "INVALID";
            stored.updatedAt = WallClock.now();
        }).chain(() -> linked.credentialLapsed(accountId)))
                .chain(() -> Uni.createFrom().failure(new OemException(401, "invalid_grant",
                        "the OEM refused the account's credentials; the user must link again", null)));
    }
}
