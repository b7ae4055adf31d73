package io.plugmate.device;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import io.plugmate.oem.OemDevice;
import io.smallrye.mutiny.Uni;

/**
 * What an OEM account's current device list means for the devices a service already knows of that client and vendor:
 * listed and unknown ones are discovered, listed and known ones refreshed (even when they came through another account
 * of the same client: a device is never stored twice), and known ones of this account that are no longer listed are
 * removed. Pure: the same for linking and for the periodic re-sync, in both device services.
 *
 * @param <D> the service's device entity
 */
public record AccountSync<D>(List<OemDevice> discovered, List<Refresh<D>> refreshed, List<D> removed) {

    public record Refresh<D>(D known, OemDevice device) {
    }

    /**
     * @param vendorDeviceId the OEM's id of a known device
     * @param accountOf the account a known device came from (null once that account is gone)
     */
    public static <D> AccountSync<D> plan(UUID accountId, List<OemDevice> listed, List<D> known,
            Function<D, String> vendorDeviceId, Function<D, UUID> accountOf) {
        Map<String, D> byVendorId = new LinkedHashMap<>();
        known.forEach(d -> byVendorId.put(vendorDeviceId.apply(d), d));
        Map<String, OemDevice> listedById = new LinkedHashMap<>();
        listed.forEach(device -> listedById.putIfAbsent(device.id(), device));
        List<OemDevice> discovered = new ArrayList<>();
        List<Refresh<D>> refreshed = new ArrayList<>();
        listedById.values().forEach(device -> {
            D existing = byVendorId.get(device.id());
            if (existing == null) {
                discovered.add(device);
            } else {
                refreshed.add(new Refresh<>(existing, device));
            }
        });
        List<D> removed = known.stream().filter(d -> accountId.equals(accountOf.apply(d)))
                .filter(d -> !listedById.containsKey(vendorDeviceId.apply(d))).toList();
        return new AccountSync<>(List.copyOf(discovered), List.copyOf(refreshed), removed);
    }

    /** How many devices came or went. */
    public int changes() {
        return discovered.size() + removed.size();
    }

    /** Applies the plan one step after the other, inside the caller's transaction; returns {@link #changes()}. */
    public Uni<Integer> apply(Function<OemDevice, Uni<Void>> discover, BiFunction<D, OemDevice, Uni<Void>> refresh,
            Function<D, Uni<Void>> remove) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (OemDevice device : discovered) {
            chain = chain.chain(() -> discover.apply(device));
        }
        for (Refresh<D> r : refreshed) {
            chain = chain.chain(() -> refresh.apply(r.known(), r.device()));
        }
        for (D gone : removed) {
            chain = chain.chain(() -> remove.apply(gone));
        }
        return chain.replaceWith(changes());
    }
}
