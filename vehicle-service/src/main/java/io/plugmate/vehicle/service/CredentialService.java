package io.plugmate.vehicle.service;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.time.WallClock;
import io.plugmate.device.AccountCredentials;
import io.plugmate.oem.CredentialCipher;
import io.plugmate.oem.OemClient;
import io.plugmate.oem.OemException;
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
            return refresh(account);
        });
    }

    /**
     * The OEM refused a call made with this account's token at {@code asked} (revoked, or expired on its clock): unless
     * the credential was renewed since, refresh now; a refused refresh invalidates the grant (an intervention).
     */
    @Override
    public Uni<Void> refused(UUID accountId, Instant asked) {
        return Panache.withSession(() -> accounts.findById(accountId))
                .chain(account -> account == null || !"ACTIVE".equals(account.status)
                        || account.updatedAt.isAfter(asked) ? Uni.createFrom().voidItem()
                                : refresh(account).replaceWithVoid())
                .onFailure(OemException.class).recoverWithNull();
    }

    /**
     * Refreshes, ahead of expiry, the grants of accounts linked for chargers: charger-service cannot refresh and only
     * has what we announce. A refused refresh invalidates the grant as always.
     *
     * @return how many grants were renewed
     */
    public Uni<Integer> renewExpiring(Duration lookahead, int limit) {
        return Panache.withSession(() -> accounts.findChargerGrantsExpiring(WallClock.now().plus(lookahead), limit))
                .chain(expiring -> Multi.createFrom().iterable(expiring).onItem()
                        .transformToUniAndConcatenate(account -> refresh(account).replaceWith(true)
                                .onFailure().recoverWithItem(false))
                        .collect().asList())
                .map(renewed -> (int) renewed.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<String> refresh(OemAccountEntity account) {
        String refreshToken = cipher.open(account.sealedRefreshToken, account.id);
        if (refreshToken == null) {
            return invalidate(account.id);
        }
        return oem.refresh(account.vendor, refreshToken)
                .chain(grant -> Panache.withTransaction(() -> accounts.findById(account.id).invoke(stored -> {
                    stored.sealedAccessToken = cipher.seal(grant.accessToken(), stored.id);
                    if (grant.refreshToken() != null) {
                        stored.sealedRefreshToken = cipher.seal(grant.refreshToken(), stored.id);
                    }
                    stored.accessTokenExpiresAt = grant.expiresAt();
                    stored.updatedAt = WallClock.now();
                }).call(stored -> rotations.announce(stored, grant))).replaceWith(grant.accessToken()))
                .onFailure(OemException.class).recoverWithUni(failure -> ((OemException) failure).credentialInvalid()
                        ? invalidate(account.id)
                        : Uni.createFrom().failure(failure));
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
