package io.plugmate.charger.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.time.WallClock;
import io.plugmate.device.AccountCredentials;
import io.plugmate.oem.CredentialCipher;
import io.plugmate.oem.OemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The access token charger-service may use for an account: the latest one vehicle-service announced. It never
 * refreshes (docs/adr/0004): an expired or refused token fails the call until the next announcement (and meanwhile the
 * account's chargers carry the relink-oem-account intervention).
 */
@ApplicationScoped
public class CredentialService implements AccountCredentials {

    private final AccountService accounts;
    private final CredentialCipher cipher;

    public CredentialService(AccountService accounts, CredentialCipher cipher) {
        this.accounts = accounts;
        this.cipher = cipher;
    }

    @Override
    public Uni<String> accessToken(UUID accountId) {
        return Panache.withSession(() -> accounts.find(accountId)).map(account -> {
            if (account == null || account.credentialRefusedAt != null
                    || !account.accessTokenExpiresAt.isAfter(WallClock.now())) {
                throw new OemException(401, "invalid_grant",
                        "no current OEM credential for this charger's account; waiting for a rotation", null);
            }
            return cipher.open(account.sealedAccessToken, account.id);
        });
    }

    /**
     * The OEM refused the account's token on a call made at {@code asked}: the account (and so its chargers'
     * capabilities) is flagged until vehicle-service announces a new credential, and its chargers are announced
     * unreachable. Runs its own transaction.
     */
    @Override
    public Uni<Void> refused(UUID accountId, Instant asked) {
        return Panache.withTransaction(() -> accounts.refused(accountId, asked));
    }
}
