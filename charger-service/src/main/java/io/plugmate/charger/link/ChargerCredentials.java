package io.plugmate.charger.link;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.time.WallClock;
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
public class ChargerCredentials {

    private final CredentialCipher cipher;

    public ChargerCredentials(CredentialCipher cipher) {
        this.cipher = cipher;
    }

    public Uni<String> accessToken(UUID accountId) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.find(OemAccountEntity.class, accountId)))
                .map(account -> {
                    if (account == null || account.credentialRefusedAt != null
                            || !account.accessTokenExpiresAt.isAfter(WallClock.now())) {
                        throw new OemException(401, "invalid_grant",
                                "no current OEM credential for this charger's account; waiting for a rotation", null);
                    }
                    return cipher.open(account.sealedAccessToken, account.id);
                });
    }
}
