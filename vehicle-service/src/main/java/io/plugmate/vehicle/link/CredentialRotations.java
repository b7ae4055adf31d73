package io.plugmate.vehicle.link;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.events.DeviceType;
import io.plugmate.events.OemAccountLinked;
import io.plugmate.events.Topics;
import io.plugmate.messaging.Outbox;
import io.plugmate.oem.CredentialCipher;
import io.plugmate.oem.OemClient;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.plugmate.oem.OemGrant;
import io.plugmate.vehicle.service.VehicleService;
import io.smallrye.mutiny.Uni;

/**
 * After a refresh, charger-service needs the new access token (it never refreshes itself, docs/adr/0004): the
 * account is announced again, sealed, inside the refresh's transaction. Vendors without chargers are not announced.
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
        if (!oem.supports(account.vendor, DeviceKind.charger)) {
            return Uni.createFrom().voidItem();
        }
        return outbox.publish(Topics.OEM_ACCOUNTS, account.userId, new OemAccountLinked(UUID.randomUUID(),
                OemAccountLinked.SCHEMA_VERSION, account.clientId, account.userId, VehicleService.now(),
                account.id.toString(), account.vendor, account.oemAccountId, List.of(DeviceType.CHARGER),
                cipher.encrypt(grant.accessToken(), account.id.toString()), grant.expiresAt()));
    }
}
