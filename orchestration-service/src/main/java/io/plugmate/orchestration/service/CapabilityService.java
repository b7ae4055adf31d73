package io.plugmate.orchestration.service;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.time.WallClock;
import io.plugmate.events.CapabilitiesChanged;
import io.plugmate.events.Capability;
import io.plugmate.events.Topics;
import io.plugmate.messaging.Outbox;
import io.plugmate.orchestration.domain.CapabilityRules;
import io.plugmate.orchestration.domain.Toggles;
import io.plugmate.orchestration.persistence.DeviceEntity;
import io.plugmate.orchestration.persistence.DeviceRepository;
import io.plugmate.orchestration.persistence.JsonColumns;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Publishes a device's effective capabilities ({@link CapabilityRules}) on {@code capability-events} whenever they
 * differ from what was last published for it: unlocked when a pair appears and the toggles allow it, withdrawn when
 * the pair is dissolved or a toggle goes off. Runs under the user's lock, inside the caller's transaction.
 */
@ApplicationScoped
public class CapabilityService {

    private final DeviceRepository devices;
    private final DeviceFactsLoader loader;
    private final Outbox outbox;

    public CapabilityService(DeviceRepository devices, DeviceFactsLoader loader, Outbox outbox) {
        this.devices = devices;
        this.loader = loader;
        this.outbox = outbox;
    }

    /** Every linked device of the user. */
    public Uni<Void> refreshUser(String clientId, String userId, Toggles toggles) {
        return devices.linkedOfUser(clientId, userId)
                .chain(list -> Multi.createFrom().iterable(list)
                        .onItem().transformToUniAndConcatenate(device -> refresh(device, toggles))
                        .collect().last())
                .replaceWithVoid();
    }

    public Uni<Void> refresh(DeviceEntity device, Toggles toggles) {
        if (device.removed) {
            return Uni.createFrom().voidItem();
        }
        return loader.around(device).chain(s -> {
            Map<String, Capability> effective = CapabilityRules.effective(device.facts(), s.pair(),
                    s.other() == null ? null : s.other().facts(), toggles);
            String json = JsonColumns.write(effective);
            if (json.equals(device.publishedCapabilities)) {
                return Uni.createFrom().voidItem();
            }
            device.publishedCapabilities = json;
            return outbox.publish(Topics.CAPABILITY_EVENTS, device.deviceId, new CapabilitiesChanged(UUID.randomUUID(),
                    CapabilitiesChanged.SCHEMA_VERSION, device.clientId, device.userId, WallClock.now(), device.type(),
                    device.deviceId, effective));
        });
    }
}
