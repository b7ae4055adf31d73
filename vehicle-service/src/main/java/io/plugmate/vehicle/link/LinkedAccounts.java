package io.plugmate.vehicle.link;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.DeviceType;
import io.plugmate.events.OemAccountLinked;
import io.plugmate.events.Topics;
import io.plugmate.messaging.Outbox;
import io.plugmate.oem.CredentialCipher;
import io.plugmate.oem.OemDevice;
import io.plugmate.oem.OemException;
import io.plugmate.oem.OemGrant;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.plugmate.vehicle.persistence.VehicleRepository;
import io.plugmate.vehicle.service.VehicleService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Stores what a completed link brought, inside the caller's transaction: the account with sealed credentials, the
 * vehicles that appeared ({@code DeviceLinked}), the ones that vanished from the account ({@code DeviceRemoved}), and
 * {@code OemAccountLinked} for charger-service when chargers were asked for.
 */
@ApplicationScoped
public class LinkedAccounts {

    private final VehicleRepository vehicles;
    private final CredentialCipher cipher;
    private final Outbox outbox;

    public LinkedAccounts(VehicleRepository vehicles, CredentialCipher cipher, Outbox outbox) {
        this.vehicles = vehicles;
        this.cipher = cipher;
        this.outbox = outbox;
    }

    Uni<LinkSessionEntity> store(UUID sessionId, OemGrant grant, List<OemDevice> devices) {
        return Panache.getSession().chain(s -> s.find(LinkSessionEntity.class, sessionId)).chain(session -> account(
                session, grant)
                .call(account -> session.vehicleRequested ? syncVehicles(session, account, devices)
                        : Uni.createFrom().voidItem())
                .call(account -> session.chargerRequested ? announce(session, account, grant)
                        : Uni.createFrom().voidItem())
                .invoke(account -> session.complete(account.id, VehicleService.now()))
                .replaceWith(session));
    }

    private Uni<OemAccountEntity> account(LinkSessionEntity session, OemGrant grant) {
        if (grant.accountId() == null) {
            // without it two accounts would merge: refuse the link rather than guess
            return Uni.createFrom().failure(new OemException(502, null, "OEM token answer without account_id", null));
        }
        String oemAccountId = grant.accountId();
        return Panache.getSession().chain(s -> s.createSelectionQuery(
                "from OemAccountEntity where clientId = :c and vendor = :v and oemAccountId = :a",
                OemAccountEntity.class).setParameter("c", session.clientId).setParameter("v", session.vendor)
                .setParameter("a", oemAccountId).getSingleResultOrNull()
                .chain(existing -> {
                    Instant now = VehicleService.now();
                    OemAccountEntity account = existing != null ? existing : new OemAccountEntity();
                    if (existing == null) {
                        account.id = UUID.randomUUID();
                        account.clientId = session.clientId;
                        account.vendor = session.vendor;
                        account.oemAccountId = oemAccountId;
                        account.createdAt = now;
                    }
                    account.userId = session.userId;
                    account.sealedAccessToken = cipher.encrypt(grant.accessToken(), account.id.toString());
                    account.sealedRefreshToken = grant.refreshToken() == null ? null
                            : cipher.encrypt(grant.refreshToken(), account.id.toString());
                    account.accessTokenExpiresAt = grant.expiresAt();
                    account.status = "ACTIVE";
                    account.updatedAt = now;
                    return existing != null ? Uni.createFrom().item(account)
                            : s.persist(account).replaceWith(account);
                }));
    }

    private Uni<Void> syncVehicles(LinkSessionEntity session, OemAccountEntity account, List<OemDevice> devices) {
        return vehicles.list("clientId = ?1 and vendor = ?2", session.clientId, session.vendor).chain(known -> {
            Map<String, VehicleEntity> byVendorId = known.stream()
                    .collect(Collectors.toMap(v -> v.vendorVehicleId, Function.identity()));
            Set<String> listed = devices.stream().map(OemDevice::id).collect(Collectors.toSet());
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (OemDevice device : devices) {
                VehicleEntity existing = byVendorId.get(device.id());
                chain = chain.chain(() -> existing != null ? refresh(existing, account, device)
                        : discover(session, account, device));
            }
            for (VehicleEntity gone : known) {
                if (account.id.equals(gone.accountId) && !listed.contains(gone.vendorVehicleId)) {
                    chain = chain.chain(() -> remove(gone));
                }
            }
            return chain;
        });
    }

    private Uni<Void> discover(LinkSessionEntity session, OemAccountEntity account, OemDevice device) {
        VehicleEntity v = NewVehicles.from(session.clientId, session.userId, account.id, device);
        return vehicles.persist(v).chain(() -> outbox.publish(Topics.DEVICE_LIFECYCLE, v.userId,
                new DeviceLinked(UUID.randomUUID(), DeviceLinked.SCHEMA_VERSION, v.clientId, v.userId,
                        VehicleService.now(), DeviceType.VEHICLE, v.id.toString(), v.vendor,
                        new DeviceCapabilities(v.canStartCharging, v.canStopCharging, v.canSetMaxCurrent,
                                v.hasLocation))));
    }

    private Uni<Void> refresh(VehicleEntity existing, OemAccountEntity account, OemDevice device) {
        NewVehicles.applyInformation(existing, device);
        existing.accountId = account.id;
        existing.updatedAt = VehicleService.now();
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> remove(VehicleEntity gone) {
        return vehicles.delete(gone).chain(() -> outbox.publish(Topics.DEVICE_LIFECYCLE, gone.userId,
                new DeviceRemoved(UUID.randomUUID(), DeviceRemoved.SCHEMA_VERSION, gone.clientId, gone.userId,
                        VehicleService.now(), DeviceType.VEHICLE, gone.id.toString())));
    }

    private Uni<Void> announce(LinkSessionEntity session, OemAccountEntity account, OemGrant grant) {
        List<DeviceType> types = session.vehicleRequested ? List.of(DeviceType.VEHICLE, DeviceType.CHARGER)
                : List.of(DeviceType.CHARGER);
        return outbox.publish(Topics.OEM_ACCOUNTS, session.userId, new OemAccountLinked(UUID.randomUUID(),
                OemAccountLinked.SCHEMA_VERSION, session.clientId, session.userId, VehicleService.now(),
                account.id.toString(), account.vendor, account.oemAccountId, types,
                cipher.encrypt(grant.accessToken(), account.id.toString()), grant.expiresAt()));
    }
}
