package io.plugmate.device;

import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.time.WallClock;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceRemoved;
import io.plugmate.events.DeviceUpdated;
import io.plugmate.events.ElectricalData;
import io.plugmate.events.Topics;
import io.plugmate.messaging.Outbox;
import io.plugmate.oem.OemDevice;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Devices coming, changing and going, inside the caller's transaction: an account's current device list applied (a
 * link, an announcement, a re-sync), and every service told ({@code device-lifecycle}, key userId, through the outbox)
 * of a device discovered in a linked account ({@code DeviceLinked}, with a charger's supply), one whose supply changed
 * or whose account's credential lapsed or works again ({@code DeviceUpdated}, with reachability), one gone from the
 * account, one the client unlinked ({@code DeviceRemoved}). Both announcements carry the scopes the client was granted
 * for the device where its mapping tells them (a charger's, docs/adr/0012).
 */
@ApplicationScoped
public class DeviceLifecycle {

    /** Why a device whose account's credential lapsed is unreachable (orchestration names it when it refuses it). */
    public static final String CREDENTIAL_LAPSED = "the OEM account's credential lapsed; link it again";

    private final DeviceDirectory devices;
    private final Outbox outbox;
    private final UnlinkedDevices unlinked;

    public DeviceLifecycle(DeviceDirectory devices, Outbox outbox, UnlinkedDevices unlinked) {
        this.devices = devices;
        this.outbox = outbox;
        this.unlinked = unlinked;
    }

    /**
     * Applies an account's current device list ({@link AccountSync}): devices that appeared are stored and announced,
     * known ones refreshed (even when they came through another account of the client) — announced again when their
     * supply changed or their relink intervention cleared — and vanished ones removed. A device the client unlinked
     * ({@link UnlinkedDevices}) is not discovered again; only the user's explicit link brings it back.
     *
     * @param explicitLink the user has just linked the account (the link flow), not a re-sync or a rotation
     * @return how many devices came or went
     */
    public <E extends LinkedDeviceEntity> Uni<Integer> sync(DeviceRepository<E> repository, DeviceMapping<E> mapping,
            AccountDirectory.Account account, List<OemDevice> listed, boolean explicitLink) {
        Uni<List<OemDevice>> wanted = explicitLink
                ? unlinked.lift(account.clientId(), account.vendor(), listed.stream().map(OemDevice::id).toList())
                        .replaceWith(listed)
                : unlinked.of(account.clientId(), account.vendor())
                        .map(gone -> listed.stream().filter(d -> !gone.contains(d.id())).toList());
        return wanted.chain(current -> syncListed(repository, mapping, account, current));
    }

    /** {@link #sync} for a re-sync or a credential announcement: the client's unlinked devices stay unlinked. */
    public <E extends LinkedDeviceEntity> Uni<Integer> sync(DeviceRepository<E> repository, DeviceMapping<E> mapping,
            AccountDirectory.Account account, List<OemDevice> listed) {
        return sync(repository, mapping, account, listed, false);
    }

    private <E extends LinkedDeviceEntity> Uni<Integer> syncListed(DeviceRepository<E> repository,
            DeviceMapping<E> mapping, AccountDirectory.Account account, List<OemDevice> listed) {
        return repository.findByVendorForUpdate(account.clientId(), account.vendor())
                .chain(known -> AccountSync.plan(account.id(), listed, known, d -> d.linked().vendorDeviceId(),
                        d -> d.linked().accountId()).apply(device -> {
                            E discovered = mapping.discovered(account, device);
                            return repository.persist(discovered).chain(() -> linked(discovered.linked(),
                                    mapping.capabilities(discovered), mapping.electrical(discovered),
                                    mapping.scopes(discovered)));
                        }, (existing, device) -> refresh(mapping, account, existing, device),
                                gone -> repository.delete(gone).chain(() -> removed(gone.linked()))));
    }

    private <E extends LinkedDeviceEntity> Uni<Void> refresh(DeviceMapping<E> mapping, AccountDirectory.Account account,
            E existing, OemDevice device) {
        boolean lapsed = existing.needsRelink();
        ElectricalData supply = mapping.electrical(existing);
        mapping.refreshed(existing, account.id(), device);
        boolean changed = lapsed != existing.needsRelink() || !Objects.equals(supply, mapping.electrical(existing));
        return changed ? updated(existing, mapping, !existing.needsRelink()) : Uni.createFrom().voidItem();
    }

    /**
     * The account's credential lapsed ({@code reachable} false) or works again: each of its devices is changed and
     * announced as {@code DeviceUpdated} with {@code isReachable} (and {@link #CREDENTIAL_LAPSED} when false).
     */
    public <E extends LinkedDeviceEntity> Uni<Void> reachability(DeviceRepository<E> repository,
            DeviceMapping<E> mapping, UUID accountId, boolean reachable, Consumer<E> change) {
        return repository.findByAccountForUpdate(accountId)
                .chain(affected -> Multi.createFrom().iterable(affected).onItem().transformToUniAndConcatenate(d -> {
                    change.accept(d);
                    return updated(d, mapping, reachable);
                }).collect().last()).replaceWithVoid();
    }

    /**
     * The device's whole current description, with whether the OEM can be reached for it and the scopes the client was
     * granted for it ({@link DeviceMapping#scopes}).
     */
    public <E extends LinkedDeviceEntity> Uni<Void> updated(E device, DeviceMapping<E> mapping, boolean reachable) {
        LinkedDevice d = device.linked();
        return outbox.publish(Topics.DEVICE_LIFECYCLE, d.userId(), new DeviceUpdated(UUID.randomUUID(),
                DeviceUpdated.SCHEMA_VERSION, d.clientId(), d.userId(), WallClock.now(), devices.type(), d.id(),
                d.vendor(), mapping.capabilities(device), mapping.electrical(device), reachable,
                reachable ? null : CREDENTIAL_LAPSED, mapping.scopes(device)));
    }

    /**
     * A new device, with what it can natively do, (a charger) its supply, and the scopes the client was granted for it
     * (null: not told).
     */
    public Uni<Void> linked(LinkedDevice device, DeviceCapabilities capabilities, ElectricalData electrical,
            List<String> scopes) {
        return outbox.publish(Topics.DEVICE_LIFECYCLE, device.userId(), new DeviceLinked(UUID.randomUUID(),
                DeviceLinked.SCHEMA_VERSION, device.clientId(), device.userId(), WallClock.now(), devices.type(),
                device.id(), device.vendor(), capabilities, electrical, scopes));
    }

    /**
     * The client unlinked the device: it is remembered as unlinked ({@link UnlinkedDevices}) so that no sync finds it
     * again, and every service hears {@code DeviceRemoved}.
     */
    public Uni<Void> unlinked(LinkedDevice device) {
        return unlinked.record(device, WallClock.now()).chain(() -> removed(device));
    }

    /** A device that is gone for its client. */
    public Uni<Void> removed(LinkedDevice device) {
        return outbox.publish(Topics.DEVICE_LIFECYCLE, device.userId(), new DeviceRemoved(UUID.randomUUID(),
                DeviceRemoved.SCHEMA_VERSION, device.clientId(), device.userId(), WallClock.now(), devices.type(),
                device.id()));
    }
}
