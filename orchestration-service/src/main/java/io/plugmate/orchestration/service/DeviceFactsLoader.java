package io.plugmate.orchestration.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.events.DeviceType;
import io.plugmate.orchestration.domain.ActionRequest;
import io.plugmate.orchestration.domain.PairFacts;
import io.plugmate.orchestration.domain.RoutingInput;
import io.plugmate.orchestration.domain.Toggles;
import io.plugmate.orchestration.persistence.DeviceEntity;
import io.plugmate.orchestration.persistence.DeviceRepository;
import io.plugmate.orchestration.persistence.PairEntity;
import io.plugmate.orchestration.persistence.PairRepository;
import io.smallrye.mutiny.Uni;

/** A device with its relevant pair and the device on that pair's other side: what routing and unlocking look at. */
@ApplicationScoped
public class DeviceFactsLoader {

    private final DeviceRepository devices;
    private final PairRepository pairs;

    public DeviceFactsLoader(DeviceRepository devices, PairRepository pairs) {
        this.devices = devices;
        this.pairs = pairs;
    }

    /** The device, its relevant pair (null: none) and the other device (null: none or unknown). */
    public record Surroundings(DeviceEntity device, PairFacts pair, DeviceEntity other) {

        public RoutingInput routing(ActionRequest request, Toggles toggles) {
            return new RoutingInput(request, device.facts(), pair, other == null ? null : other.facts(), toggles);
        }
    }

    public Uni<Surroundings> around(DeviceEntity device) {
        return pairs.ofDevice(device.clientId, device.deviceId).chain(rows -> {
            List<PairFacts> facts = rows.stream().map(PairEntity::facts).toList();
            PairFacts pair = PairFacts.relevant(facts).orElse(null);
            if (pair == null) {
                return Uni.createFrom().item(new Surroundings(device, null, null));
            }
            DeviceType otherType = device.type() == DeviceType.VEHICLE ? DeviceType.CHARGER : DeviceType.VEHICLE;
            return devices.findLinked(device.clientId, otherType, pair.otherSide(device.deviceId))
                    .map(other -> new Surroundings(device, pair, other));
        });
    }
}
