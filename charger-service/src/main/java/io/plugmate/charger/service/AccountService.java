package io.plugmate.charger.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.charger.oem.ChargerMapping;
import io.plugmate.charger.persistence.ChargerRepository;
import io.plugmate.charger.persistence.OemAccountEntity;
import io.plugmate.charger.persistence.OemAccountRepository;
import io.plugmate.commons.time.WallClock;
import io.plugmate.device.AccountDirectory;
import io.plugmate.device.DeviceLifecycle;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.OemAccountLinked;
import io.plugmate.oem.OemDevice;
import io.smallrye.mutiny.Uni;

/**
 * The OEM accounts vehicle-service linked for chargers and their chargers, always inside the caller's transaction: an
 * announcement stores the account with its new credential (which clears a refused one) and applies the device list —
 * {@code DeviceLinked} for new chargers, {@code DeviceRemoved} for chargers gone from the account; the periodic re-sync
 * (device-kit's {@code AccountResync}) applies the same sync between announcements.
 */
@ApplicationScoped
public class AccountService implements AccountDirectory {

    private final OemAccountRepository accounts;
    private final ChargerRepository chargers;
    private final ChargerMapping mapping;
    private final DeviceLifecycle lifecycle;

    public AccountService(OemAccountRepository accounts, ChargerRepository chargers, ChargerMapping mapping,
            DeviceLifecycle lifecycle) {
        this.accounts = accounts;
        this.chargers = chargers;
        this.mapping = mapping;
        this.lifecycle = lifecycle;
    }

    /**
     * An announcement's account and the chargers the OEM listed with its credential; when the account's previous
     * credential had lapsed, its chargers are announced reachable again. Chargers the client unlinked stay unlinked
     * unless the announcement is of the user's explicit link (docs/adr/0011).
     */
    public Uni<Void> store(OemAccountLinked event, List<OemDevice> devices) {
        UUID accountId = UUID.fromString(event.accountId());
        return accounts.findById(accountId).chain(existing -> {
            if (existing != null && !existing.clientId.equals(event.clientId())) {
                // an account belongs to one API client for good; anything else is a corrupt event
                return Uni.createFrom().failure(new IllegalArgumentException(
                        "account " + accountId + " belongs to another client"));
            }
            boolean lapsed = existing != null && (existing.credentialRefusedAt != null
                    || !existing.accessTokenExpiresAt.isAfter(WallClock.now()));
            OemAccountEntity account = existing != null ? existing : new OemAccountEntity();
            account.id = accountId;
            account.clientId = event.clientId();
            account.userId = event.userId();
            account.vendor = event.vendor();
            account.oemAccountId = event.oemAccountId();
            account.sealedAccessToken = event.sealedAccessToken();
            account.accessTokenExpiresAt = event.accessTokenExpiresAt();
            account.credentialRefusedAt = null; // a new credential, and the OEM just listed the chargers with it
            account.updatedAt = WallClock.now();
            account.syncedAt = account.updatedAt;
            if (existing == null) {
                account.createdAt = account.updatedAt;
                return accounts.persist(account).replaceWith(false);
            }
            return Uni.createFrom().item(lapsed);
        }).call(() -> lifecycle.sync(chargers, mapping,
                new Account(accountId, event.clientId(), event.userId(), event.vendor()), devices, event.explicitLink()))
                .chain(lapsed -> lapsed ? reachability(accountId, true) : Uni.createFrom().voidItem());
    }

    /** The account, or null. */
    Uni<OemAccountEntity> find(UUID accountId) {
        return accounts.findById(accountId);
    }

    /**
     * The OEM refused the account's credential on a call made at {@code asked}: unless it is flagged already or a new
     * one was announced since, the account is flagged until the next announcement, and every service hears that its
     * chargers are unreachable ({@code DeviceUpdated}, isReachable false). Inside the caller's transaction.
     */
    Uni<Void> refused(UUID accountId, Instant asked) {
        return accounts.markRefused(accountId, asked, WallClock.now())
                .chain(marked -> marked == 0 ? Uni.createFrom().voidItem() : reachability(accountId, false));
    }

    private Uni<Void> reachability(UUID accountId, boolean reachable) {
        return lifecycle.reachability(chargers, mapping, accountId, reachable, charger -> {
            // nothing stored on the charger: its relink flag is read from the account
        });
    }

    @Override
    public Uni<List<Account>> claimDue(Instant syncedBefore, Instant now, int limit) {
        return AccountDirectory.claimDue(OemAccountEntity.class, null, syncedBefore, now, limit);
    }

    @Override
    public Uni<Integer> sync(Account account, List<OemDevice> listed) {
        return lifecycle.sync(chargers, mapping, account, listed);
    }
}
