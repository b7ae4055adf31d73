package io.plugmate.vehicle.service;

import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.time.WallClock;
import io.plugmate.events.DeviceType;
import io.plugmate.events.OemAccountLinked;
import io.plugmate.events.Topics;
import io.plugmate.messaging.Outbox;
import io.plugmate.oem.CredentialCipher;
import io.plugmate.oem.OemClient;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.plugmate.oem.OemGrant;
import io.plugmate.vehicle.domain.GrantedScopes;
import io.plugmate.vehicle.persistence.OemAccountEntity;
import io.smallrye.mutiny.Uni;

/**
 * charger-service needs every new access token of an account linked for chargers (it never refreshes itself,
 * docs/adr/0004): the account is announced, sealed, inside the transaction that stored the token (a link or a
 * refresh), with the scopes the client was granted for it (charger-service enforces the charger ones, docs/adr/0012).
 * Accounts not linked for chargers, and vendors without chargers, are never announced.
 */
@ApplicationScoped
public class CredentialRotations {

    private final OemClient oem;
    private final CredentialCipher cipher;
    private final Outbox outbox;

    public CredentialRotations(OemClient oem, CredentialCipher cipher, Outbox outbox) {
        this.oem = oem;
        this.cipher = cipher;
        this.outbox = outbox;
    }

    Uni<Void> announce(OemAccountEntity account, OemGrant grant) {
        return announce(account, grant, false);
    }

    /** @param linkedByUser the user has just linked the account: chargers they unlinked are theirs again */
    Uni<Void> announce(OemAccountEntity account, OemGrant grant, boolean linkedByUser) {
        if (!account.linksChargers || !oem.supports(account.vendor, DeviceKind.charger)) {
            return Uni.createFrom().voidItem();
        }
        List<DeviceType> types = account.linksVehicles ? List.of(DeviceType.VEHICLE, DeviceType.CHARGER)
                : List.of(DeviceType.CHARGER);
        return outbox.publish(Topics.OEM_ACCOUNTS, account.userId, new OemAccountLinked(UUID.randomUUID(),
                OemAccountLinked.SCHEMA_VERSION, account.clientId, account.userId, WallClock.now(),
                account.id.toString(), account.vendor, account.oemAccountId, types,
                cipher.seal(grant.accessToken(), account.id), grant.expiresAt(), linkedByUser, scopes(account)));
    }

    /** Every scope granted for the account (docs/adr/0012); null where they were never kept (unknown). */
    private static List<String> scopes(OemAccountEntity account) {
        return account.scopes == null ? null : List.copyOf(new TreeSet<>(GrantedScopes.parse(account.scopes).scopes()));
    }
}
