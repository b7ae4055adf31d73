package io.plugmate.device;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.messaging.NativeSelect;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The devices an API client unlinked (docs/adr/0011): a tombstone per client, vendor and OEM device id (the service's
 * {@code unlinked_device} table), so that an account sync — the periodic re-sync, a credential announcement — does not
 * discover the device again under a new id. Only the user linking the account again through the link flow lifts it.
 * Every method runs in the caller's transaction.
 */
@ApplicationScoped
public class UnlinkedDevices {

    private static final String RECORD = """
            insert into unlinked_device (client_id, vendor, vendor_device_id, user_id, account_id, unlinked_at)
            values (:client, :vendor, :device, :user, :account, :at)
            on conflict (client_id, vendor, vendor_device_id)
            do update set user_id = excluded.user_id, account_id = excluded.account_id, unlinked_at = excluded.unlinked_at
            """;

    private static final NativeSelect UNLINKED = NativeSelect.of("""
            select vendor_device_id from unlinked_device where client_id = :client and vendor = :vendor""");

    /** The client unlinked the device at {@code at}. */
    public Uni<Void> record(LinkedDevice device, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery(RECORD).setParameter("client", device.clientId())
                .setParameter("vendor", device.vendor()).setParameter("device", device.vendorDeviceId())
                .setParameter("user", device.userId()).setParameter("account", device.accountId())
                .setParameter("at", at).executeUpdate()).replaceWithVoid();
    }

    /** The OEM ids of the client's unlinked devices of the vendor. */
    public Uni<Set<String>> of(String clientId, String vendor) {
        return UNLINKED.with("client", clientId).with("vendor", vendor).list().map(rows -> {
            Set<String> ids = new HashSet<>();
            rows.forEach(row -> ids.add((String) row[0]));
            return ids;
        });
    }

    /** The user linked the account again, listing these devices: they are the client's again. */
    public Uni<Void> lift(String clientId, String vendor, Collection<String> vendorDeviceIds) {
        if (vendorDeviceIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                delete from unlinked_device where client_id = :client and vendor = :vendor
                and vendor_device_id = any(:devices)""").setParameter("client", clientId).setParameter("vendor", vendor)
                .setParameter("devices", List.copyOf(vendorDeviceIds).toArray(String[]::new)).executeUpdate())
                .replaceWithVoid();
    }
}
