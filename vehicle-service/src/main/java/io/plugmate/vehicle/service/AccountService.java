package io.plugmate.vehicle.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.plugmate.commons.time.WallClock;
import io.plugmate.device.AccountDirectory;
import io.plugmate.device.DeviceLifecycle;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.OemAccountReleased;
import io.plugmate.oem.CredentialCipher;
import io.plugmate.oem.OemDevice;
import io.plugmate.oem.OemException;
import io.plugmate.oem.OemGrant;
import io.plugmate.vehicle.domain.GrantedScopes;
import io.plugmate.vehicle.oem.VehicleMapping;
import io.plugmate.vehicle.persistence.LinkSessionEntity;
import io.plugmate.vehicle.persistence.LinkSessionRepository;
import io.plugmate.vehicle.persistence.OemAccountEntity;
import io.plugmate.vehicle.persistence.OemAccountRepository;
import io.plugmate.vehicle.persistence.VehicleRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The linked OEM accounts and their vehicles, always inside the caller's transaction: what a completed link brought
 * (the account with sealed credentials, the vehicles that appeared with {@code DeviceLinked}, the ones that vanished
 * with {@code DeviceRemoved}, and {@code OemAccountLinked} for charger-service when the account is linked for
 * chargers), and the same vehicle sync for the periodic re-sync (device-kit's {@code AccountResync}).
 */
@ApplicationScoped
public class AccountService implements AccountDirectory {

    private final OemAccountRepository accounts;
    private final LinkSessionRepository sessions;
    private final VehicleRepository vehicles;
    private final VehicleMapping mapping;
    private final CredentialCipher cipher;
    private final CredentialRotations rotations;
    private final DeviceLifecycle lifecycle;
    private final GrantRevocations revocations;

    public AccountService(OemAccountRepository accounts, LinkSessionRepository sessions, VehicleRepository vehicles,
            VehicleMapping mapping, CredentialCipher cipher, CredentialRotations rotations, DeviceLifecycle lifecycle,
            GrantRevocations revocations) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.vehicles = vehicles;
        this.mapping = mapping;
        this.cipher = cipher;
        this.rotations = rotations;
        this.lifecycle = lifecycle;
        this.revocations = revocations;
    }

    Uni<LinkSessionEntity> store(UUID sessionId, OemGrant grant, List<OemDevice> devices) {
        return sessions.findById(sessionId).chain(session -> account(session, grant)
                // the user's explicit link: vehicles they unlinked from this account are theirs again (docs/adr/0011)
                .call(account -> session.vehicleRequested ? syncVehicles(account, devices, true).invoke(() -> {
                    account.syncedAt = account.updatedAt;
                }) : Uni.createFrom().voidItem())
                .call(account -> account.linksChargers ? rotations.announce(account, grant, true)
                        : Uni.createFrom().voidItem())
                // the account's known vehicles offer more or less than they did: every service hears it
                .call(account -> account.scopesChanged
                        ? lifecycle.reachability(vehicles, mapping, account.id, true, v -> {
                        })
                        : Uni.createFrom().voidItem())
                .invoke(account -> session.complete(account.id, WallClock.now()))
                .replaceWith(session));
    }

    @Override
    public Uni<List<Account>> claimDue(Instant syncedBefore, Instant now, int limit) {
        // an account refused by the OEM waits for the user to link again; one linked for chargers only is not ours
        return AccountDirectory.claimDue(OemAccountEntity.class, "status = 'ACTIVE' and links_vehicles", syncedBefore,
                now, limit);
    }

    @Override
    public Uni<Integer> sync(Account account, List<OemDevice> listed) {
        return accounts.findById(account.id())
                .chain(stored -> stored == null || !"ACTIVE".equals(stored.status) ? Uni.createFrom().item(0)
                        : syncVehicles(stored, listed, false));
    }

    /**
     * The client unlinked the account's last vehicle, inside the unlink's transaction (docs/adr/0011): the account is no
     * longer re-synced for vehicles. While it is linked for chargers, charger-service still uses its grant; otherwise
     * nothing needs it any more: the grant is queued for revocation at the OEM and the account with its credentials is
     * deleted. Linking it again starts afresh.
     */
    public Uni<Void> lastVehicleUnlinked(UUID accountId) {
        return accounts.findById(accountId, LockModeType.PESSIMISTIC_WRITE).chain(account -> {
            if (account == null) {
                return Uni.createFrom().voidItem();
            }
            if (account.linksChargers) {
                account.linksVehicles = false;
                account.updatedAt = WallClock.now();
                return Uni.createFrom().voidItem();
            }
            return release(account);
        });
    }

    /**
     * charger-service let go of the account ({@code OemAccountReleased}, docs/adr/0011): the client unlinked its last
     * charger. Inside the consumer's transaction, the account is no longer announced to charger-service; unless it is
     * linked for vehicles as well, nothing needs its grant any more, which is queued for revocation with the account
     * deleted, as when the last vehicle goes. A release of another client's account, of an account no longer linked
     * for chargers, or older than a link of the account's chargers the user completed since, changes nothing.
     */
    public Uni<Void> chargersReleased(OemAccountReleased event) {
        UUID accountId = UUID.fromString(event.accountId());
        return accounts.findById(accountId, LockModeType.PESSIMISTIC_WRITE).chain(account -> {
            if (account == null || !account.clientId.equals(event.clientId()) || !account.linksChargers) {
                return Uni.createFrom().voidItem();
            }
            return sessions.chargersLinkedAfter(accountId, event.occurredAt()).chain(relinked -> {
                if (relinked) {
                    return Uni.createFrom().voidItem();
                }
                account.linksChargers = false;
                account.updatedAt = WallClock.now();
                return account.linksVehicles ? Uni.createFrom().voidItem() : release(account);
            });
        });
    }

    /** Every account of the client's user, let go (their user is erased); inside the caller's transaction. */
    Uni<Void> releaseAll(String clientId, String userId) {
        return accounts.list("clientId = ?1 and userId = ?2 order by id", clientId, userId)
                .chain(owned -> Multi.createFrom().iterable(owned).onItem().transformToUniAndConcatenate(this::release)
                        .collect().asList())
                .replaceWithVoid();
    }

    private Uni<Void> release(OemAccountEntity account) {
        return revocations.queue(account).chain(() -> accounts.delete(account));
    }

    /**
     * The account's grant is dead: its vehicles turn unreachable and wait for the user to link again; every service
     * hears it ({@code DeviceUpdated}, isReachable false). A later link lists them again and announces them reachable.
     */
    Uni<Void> credentialLapsed(UUID accountId) {
        return lifecycle.reachability(vehicles, mapping, accountId, false, v -> {
            v.needsRelink = true;
            v.isReachable = false;
        });
    }

    private Uni<OemAccountEntity> account(LinkSessionEntity session, OemGrant grant) {
        if (grant.accountId() == null) {
            // without it two accounts would merge: refuse the link rather than guess
            return Uni.createFrom().failure(new OemException(502, null, "OEM token answer without account_id", null));
        }
        String oemAccountId = grant.accountId();
        return accounts.findByOemAccountId(session.clientId, session.vendor, oemAccountId).chain(existing -> {
            Instant now = WallClock.now();
            OemAccountEntity account = existing != null ? existing : new OemAccountEntity();
            if (existing == null) {
                account.id = UUID.randomUUID();
                account.clientId = session.clientId;
                account.vendor = session.vendor;
                account.oemAccountId = oemAccountId;
                account.createdAt = now;
            }
            account.userId = session.userId;
            account.sealedAccessToken = cipher.seal(grant.accessToken(), account.id);
            account.sealedRefreshToken = cipher.seal(grant.refreshToken(), account.id);
            account.accessTokenExpiresAt = grant.expiresAt();
            account.status = "ACTIVE";
            // a link for the other device type adds to what the account is linked for
            account.linksVehicles |= session.vehicleRequested;
            account.linksChargers |= session.chargerRequested;
            String granted = GrantedScopes.parse(account.scopes).relinked(List.of(session.scopes.split(" ")),
                    session.vehicleRequested, session.chargerRequested).text();
            account.scopesChanged = existing != null && !granted.equals(account.scopes);
            account.scopes = granted;
            account.updatedAt = now;
            return existing != null ? Uni.createFrom().item(account) : accounts.persist(account);
        });
    }

    private Uni<Integer> syncVehicles(OemAccountEntity account, List<OemDevice> listed, boolean explicitLink) {
        return lifecycle.sync(vehicles, mapping.granting(account.scopes), account.account(), listed, explicitLink);
    }
}
