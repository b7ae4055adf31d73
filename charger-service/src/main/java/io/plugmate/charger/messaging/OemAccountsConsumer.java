package io.plugmate.charger.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.plugmate.charger.service.AccountService;
import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.events.InvalidEventException;
import io.plugmate.events.OemAccountLinked;
import io.plugmate.events.OemAccountReleased;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.messaging.Inbox;
import io.plugmate.messaging.RetriedInPlace;
import io.plugmate.oem.CredentialCipher;
import io.plugmate.oem.OemClient;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.plugmate.oem.OemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Accounts vehicle-service linked for chargers, at every link and credential rotation ({@code OemAccountLinked}, with
 * the scopes the client was granted, docs/adr/0012); this service's own {@code OemAccountReleased} on the same topic are
 * for vehicle-service and skipped. For an announcement, the
 * OEM is asked for the account's chargers outside any transaction; then one transaction records the event as
 * processed and stores the account and its chargers ({@link AccountService}). A credential sealed with another key,
 * or one the OEM refuses, is poison and goes to {@code oem-accounts-dlq}; an OEM 5xx or a database blip is retried in
 * place ({@link RetriedInPlace}).
 */
@ApplicationScoped
public class OemAccountsConsumer {

    static final String CONSUMER = "charger-service/oem-accounts";

    private final AccountService accounts;
    private final OemClient oem;
    private final CredentialCipher cipher;
    private final Inbox inbox;

    public OemAccountsConsumer(AccountService accounts, OemClient oem, CredentialCipher cipher, Inbox inbox) {
        this.accounts = accounts;
        this.oem = oem;
        this.cipher = cipher;
        this.inbox = inbox;
    }

    @Incoming("oem-accounts")
    @RetriedInPlace
    public Uni<Void> consume(String record) {
        return Uni.createFrom().item(() -> EventJson.read(record, PlugmateEvent.class)).chain(read -> {
            if (read instanceof OemAccountReleased) {
                return Uni.createFrom().voidItem(); // our own, for vehicle-service (docs/adr/0011)
            }
            if (!(read instanceof OemAccountLinked event)) {
                return Uni.createFrom().failure(new InvalidEventException("expected OemAccountLinked but got "
                        + read.type()));
            }
            if (!event.deviceTypes().contains(DeviceType.CHARGER)) {
                return Uni.createFrom().voidItem();
            }
            String accessToken = cipher.decrypt(event.sealedAccessToken(), event.accountId());
            return oem.devices(event.vendor(), DeviceKind.charger, accessToken)
                    .onFailure(OemException.class).transform(OemAccountsConsumer::refusedIsPoison)
                    .chain(devices -> Panache.withTransaction(() -> inbox.handleOnce(CONSUMER, record,
                            OemAccountLinked.class, e -> accounts.store(e, devices))));
        });
    }

    /** The OEM refused the announced credential: the record cannot be applied (a later rotation brings a new one). */
    private static Throwable refusedIsPoison(Throwable failure) {
        return ((OemException) failure).isRefusal()
                ? new InvalidEventException("the OEM refused the announced credential: " + failure.getMessage())
                : failure;
    }
}
