package io.plugmate.orchestration.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.events.DeviceType;
import io.plugmate.orchestration.domain.ActionRequest;
import io.plugmate.orchestration.domain.PairFacts;
import io.plugmate.orchestration.domain.RoutingInput;
import io.plugmate.orchestration.domain.Toggles;
import io.plugmate.orchestration.persistence.DeviceEntity;
import io.plugmate.orchestration.persistence.PairRepository;
import io.smallrye.mutiny.Uni;

/** A device with its relevant pair and the device on that pair's other side: what routing and unlocking look at. */
@ApplicationScoped
public class DeviceFactsLoader {

    private final PairRepository pairs;

    public DeviceFactsLoader(PairRepository pairs) {
        this.pairs = pairs;
    }

    /** The device, its relevant pair (null: none) and the other device (null: none or unknown). */
    public record Surroundings(DeviceEntity device, PairFacts pair, DeviceEntity other) {

        public RoutingInput routing(ActionRequest request, Toggles toggles) {
            return new RoutingInput(request, device.facts(), pair, other == null ? null : other.facts(), toggles);
        }
    }

    /** One statement: the device's pairs, each with the device on its other side. */
    public Uni<Surroundings> around(DeviceEntity device) {
        DeviceType otherType = device.type() == DeviceType.VEHICLE ? DeviceType.CHARGER : DeviceType.VEHICLE;
        return pairs.ofDevice(device.clientId, device.deviceId, otherType).map(rows -> {
            PairFacts pair = PairFacts.relevant(rows.stream().map(row -> row.pair().facts()).toList()).orElse(null);
            if (pair == null) {
                return new Surroundings(device, null, null);
            }
            DeviceEntity other = rows.stream().filter(row -> row.pair().pairId.equals(pair.pairId())).findFirst()
                    .map(PairRepository.WithOtherSide::other).orElse(null);
            return new Surroundings(device, pair, other);
        });
    }
}
