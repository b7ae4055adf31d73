package io.plugmate.vehicle.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.plugmate.commons.validation.Ids;
import io.plugmate.events.EventJson;
import io.plugmate.events.InvalidEventException;
import io.plugmate.events.OemAccountLinked;
import io.plugmate.events.OemAccountReleased;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.messaging.Inbox;
import io.plugmate.messaging.RetriedInPlace;
import io.plugmate.vehicle.service.AccountService;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * charger-service's side of {@code oem-accounts} (docs/adr/0011): an {@code OemAccountReleased} says the client
 * unlinked the last charger of an account, whose grant this service holds ({@link AccountService#chargersReleased}).
 * The topic also carries this service's own {@code OemAccountLinked} announcements, which are skipped. Inbox on
 * eventId; any other record is poison ({@code oem-accounts-dlq}).
 */
@ApplicationScoped
public class OemAccountsConsumer {

    static final String CONSUMER = "vehicle-service/oem-accounts";

    private final AccountService accounts;
    private final Inbox inbox;

    public OemAccountsConsumer(AccountService accounts, Inbox inbox) {
        this.accounts = accounts;
        this.inbox = inbox;
    }

    @Incoming("oem-accounts")
    @RetriedInPlace
    @WithTransaction
    public Uni<Void> consume(String record) {
        return Uni.createFrom().item(() -> EventJson.read(record, PlugmateEvent.class)).chain(event -> {
            if (event instanceof OemAccountLinked) {
                return Uni.createFrom().voidItem(); // our own announcement, for charger-service
            }
            if (event instanceof OemAccountReleased released && Ids.uuidOrNull(released.accountId()) == null) {
                return Uni.createFrom().failure(new InvalidEventException("OemAccountReleased without a valid accountId"));
            }
            return inbox.handleOnce(CONSUMER, record, OemAccountReleased.class, accounts::chargersReleased);
        });
    }
}
