package io.plugmate.device;

import java.util.UUID;

import io.plugmate.commons.pagination.Page;
import io.plugmate.commons.pagination.PageRequest;
import io.plugmate.commons.problem.NotFoundProblem;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * The device use cases behind a device service's API, the same for vehicles and chargers; every one is scoped to the
 * calling API client, and another client's device is as unknown as a device that does not exist (404).
 *
 * @param <E> the service's device entity
 */
public abstract class DeviceService<E extends DeviceEntity> {

    private final DeviceRepository<E> devices;
    private final DeviceLifecycle lifecycle;
    private final String noun;

    protected DeviceService(DeviceRepository<E> devices, DeviceLifecycle lifecycle, DeviceDirectory directory) {
        this.devices = devices;
        this.lifecycle = lifecycle;
        this.noun = directory.kind().name();
    }

    /** For CDI's client proxy only. */
    protected DeviceService() {
        this.devices = null;
        this.lifecycle = null;
        this.noun = null;
    }

    @WithSession
    public Uni<E> get(String clientId, String id) {
        return devices.findOwned(clientId, id).onItem().ifNull().failWith(() -> NotFoundProblem.of(noun, id));
    }

    /** @param userId null for all the client's users */
    @WithSession
    public Uni<Page<E>> list(String clientId, String userId, PageRequest page) {
        return devices.page(clientId, userId, page);
    }

    /**
     * Unlinks: the device disappears for the client, every service hears {@code DeviceRemoved}, and no re-sync finds it
     * again until the user links its account again (docs/adr/0011); then the service's {@link #lastOfAccount} hook runs.
     */
    @WithTransaction
    public Uni<Void> unlink(String clientId, String id) {
        return devices.findOwnedForUpdate(clientId, id)
                .onItem().ifNull().failWith(() -> NotFoundProblem.of(noun, id))
                .call(devices::delete)
                .call(device -> lifecycle.unlinked(device.linked()))
                .chain(device -> device.linked().accountId() == null ? Uni.createFrom().voidItem()
                        : devices.count("accountId = ?1 and id <> ?2", device.linked().accountId(),
                                UUID.fromString(device.linked().id()))
                                .chain(left -> left == 0 ? lastOfAccount(device.linked()) : Uni.createFrom().voidItem()));
    }

    /**
     * The client unlinked the last device it had from an OEM account, inside the unlink's transaction: a service that
     * holds the account's grant lets it go here (vehicle-service revokes it at the OEM). Nothing by default.
     */
    protected Uni<Void> lastOfAccount(LinkedDevice device) {
        return Uni.createFrom().voidItem();
    }
}
