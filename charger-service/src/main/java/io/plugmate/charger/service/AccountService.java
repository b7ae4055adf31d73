package io.plugmate.charger.service;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.plugmate.charger.domain.ChargerScopes;
import io.plugmate.charger.oem.ChargerMapping;
import io.plugmate.charger.persistence.ChargerRepository;
import io.plugmate.charger.persistence.OemAccountEntity;
import io.plugmate.charger.persistence.OemAccountRepository;
import io.plugmate.commons.time.WallClock;
import io.plugmate.device.AccountDirectory;
import io.plugmate.device.DeviceLifecycle;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.DeviceType;
import io.plugmate.events.OemAccountLinked;
import io.plugmate.events.OemAccountReleased;
import io.plugmate.events.Topics;
import io.plugmate.messaging.Outbox;
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
    private final Outbox outbox;

    public AccountService(OemAccountRepository accounts, ChargerRepository chargers, ChargerMapping mapping,
            DeviceLifecycle lifecycle, Outbox outbox) {
        this.accounts = accounts;
        this.chargers = chargers;
        this.mapping = mapping;
        this.lifecycle = lifecycle;
        this.outbox = outbox;
    }

    /**
     * An announcement's account and the chargers the OEM listed with its credential; when the account's previous
     * credential had lapsed, or the announcement changed the scopes the client was granted (docs/adr/0012), its
     * chargers are announced again ({@code DeviceUpdated}, reachable, with the capabilities the scopes allow). An
     * announcement without scopes (a producer before schema 3) keeps the ones the account has. Chargers the client
     * unlinked stay unlinked unless the announcement is of the user's explicit link (docs/adr/0011).
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
            String scopes = event.scopes() == null ? account.scopes : ChargerScopes.text(event.scopes());
            boolean scopesChanged = existing != null && !Objects.equals(scopes, existing.scopes);
            account.id = accountId;
            account.clientId = event.clientId();
            account.userId = event.userId();
            account.vendor = event.vendor();
            account.oemAccountId = event.oemAccountId();
            account.sealedAccessToken = event.sealedAccessToken();
            account.accessTokenExpiresAt = event.accessTokenExpiresAt();
            account.credentialRefusedAt = null; // a new credential, and the OEM just listed the chargers with it
            account.scopes = scopes;
            account.updatedAt = WallClock.now();
            account.syncedAt = account.updatedAt;
            if (existing == null) {
                account.createdAt = account.updatedAt;
                return accounts.persist(account).replaceWith(false);
            }
            return Uni.createFrom().item(lapsed || scopesChanged);
        }).call(() -> accounts.findById(accountId).chain(account -> lifecycle.sync(chargers,
                mapping.granting(account.scopes), new Account(accountId, event.clientId(), event.userId(),
                        event.vendor()),
                devices, event.explicitLink())))
                .chain(announce -> announce ? reachability(accountId, true) : Uni.createFrom().voidItem());
    }

    /**
     * The client unlinked the account's last charger, inside the unlink's transaction (docs/adr/0011): this service no
     * longer needs the account, so its sealed token is deleted and vehicle-service, which holds the grant, hears it
     * ({@code OemAccountReleased} on {@code oem-accounts}) and revokes it unless the account's vehicles still use it.
     * The tombstones stay until the retention finds the account gone.
     */
    Uni<Void> lastChargerUnlinked(UUID accountId) {
        return accounts.findById(accountId, LockModeType.PESSIMISTIC_WRITE).chain(account -> account == null
                ? Uni.createFrom().voidItem()
                : outbox.publish(Topics.OEM_ACCOUNTS, account.userId, new OemAccountReleased(UUID.randomUUID(),
                        OemAccountReleased.SCHEMA_VERSION, account.clientId, account.userId, WallClock.now(),
                        account.id.toString(), account.vendor, DeviceType.CHARGER))
                        .chain(() -> accounts.delete(account)));
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

    /** A re-sync: chargers that appeared take the account's scopes. */
    @Override
    public Uni<Integer> sync(Account account, List<OemDevice> listed) {
        return accounts.findById(account.id()).chain(stored -> lifecycle.sync(chargers,
                mapping.granting(stored == null ? null : stored.scopes), account, listed));
    }
}
