package io.plugmate.device;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.plugmate.commons.time.WallClock;
import io.plugmate.oem.OemClient;
import io.plugmate.oem.OemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Keeps linked accounts in step with their OEM without a re-link: every tick, accounts not synced within the interval
 * are claimed, their device list is read from the OEM (outside any transaction), and the difference is applied in one
 * transaction per account ({@code DeviceLinked} for new devices, {@code DeviceRemoved} for vanished ones). A refused
 * credential is reported to the service's {@link AccountCredentials}; any other failure leaves the account for the next
 * interval.
 */
@ApplicationScoped
public class AccountResync {

    private static final Logger LOG = Logger.getLogger(AccountResync.class);

    private final AccountsConfig config;
    private final AccountDirectory accounts;
    private final DeviceDirectory devices;
    private final AccountCredentials credentials;
    private final OemClient oem;
    private final Vertx vertx;
    private volatile PeriodicRound rounds;

    public AccountResync(AccountsConfig config, AccountDirectory accounts, DeviceDirectory devices,
            AccountCredentials credentials, OemClient oem,
            Vertx vertx) {
        this.config = config;
        this.accounts = accounts;
        this.devices = devices;
        this.credentials = credentials;
        this.oem = oem;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.resyncTick().isZero()) {
            rounds = PeriodicRound.start(vertx, config.resyncTick(), LOG, "account re-sync (devices that came or went)",
                    this::resyncOnce);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (rounds != null) {
            rounds.stop();
        }
    }

    /** One round; returns how many devices came or went across the accounts that were due. */
    public Uni<Integer> resyncOnce() {
        Instant now = WallClock.now();
        return Panache.withTransaction(
                () -> accounts.claimDue(now.minus(config.resyncInterval()), now, config.resyncBatchSize()))
                .chain(due -> Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(this::resync)
                        .collect().asList())
                .map(changes -> changes.stream().mapToInt(Integer::intValue).sum());
    }

    private Uni<Integer> resync(AccountDirectory.Account account) {
        Instant asked = WallClock.now();
        return credentials.accessToken(account.id())
                .chain(token -> oem.devices(account.vendor(), devices.kind(), token))
                .chain(listed -> Panache.withTransaction(() -> accounts.sync(account, listed)))
                .onFailure().recoverWithUni(failure -> {
                    LOG.debugf("re-sync of account %s: %s", account.id(), failure.getMessage());
                    return failure instanceof OemException e && e.credentialInvalid()
                            ? credentials.refused(account.id(), asked).replaceWith(0)
                                    .onFailure().recoverWithItem(0)
                            : Uni.createFrom().item(0);
                });
    }
}
