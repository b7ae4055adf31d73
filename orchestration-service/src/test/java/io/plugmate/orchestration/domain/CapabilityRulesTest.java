package io.plugmate.orchestration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.plugmate.events.Capability;
import io.plugmate.events.DeviceType;
import io.plugmate.events.UnlockedBy;

class CapabilityRulesTest {

    private static final DeviceFacts VOLTRA = Facts.vehicle(Facts.NONE);
    private static final DeviceFacts WALL_BOX = Facts.charger(Facts.ALL);

    @Test
    void aVehicleWithoutControlsIsUnlockedThroughItsPairsCharger() {
        Map<String, Capability> caps = CapabilityRules.effective(VOLTRA, Facts.pair(PairStatus.INACTIVE), WALL_BOX,
                Toggles.defaults());

        UnlockedBy byCharger = new UnlockedBy("p1", "c1", null);
        assertThat(caps).containsExactly(Map.entry("startCharging", new Capability(true, java.util.List.of(), byCharger)),
                Map.entry("stopCharging", new Capability(true, java.util.List.of(), byCharger)),
                Map.entry("setMaxCurrent", new Capability(true, java.util.List.of(), byCharger)),
                Map.entry("setMaxPower", new Capability(true, java.util.List.of(), byCharger)));
    }

    @Test
    void aToggleOffOrADissolvedPairWithdrawsIt() {
        for (Toggles off : new Toggles[] { new Toggles(false, true, false), new Toggles(true, false, false) }) {
            assertThat(CapabilityRules.effective(VOLTRA, Facts.pair(PairStatus.ACTIVE), WALL_BOX, off).values())
                    .allMatch(c -> !c.isCapable() && c.unlockedBy() == null);
        }
        assertThat(CapabilityRules.effective(VOLTRA, Facts.pair(PairStatus.DISSOLVED), WALL_BOX, Toggles.defaults())
                .values()).allMatch(c -> !c.isCapable());
        assertThat(CapabilityRules.effective(VOLTRA, null, null, Toggles.defaults()).values())
                .allMatch(c -> !c.isCapable());
    }

    @Test
    void nativeCapabilitiesStayTheDevicesOwnAndPowerNeedsTheChargersElectricalData() {
        DeviceFacts tesla = Facts.device(DeviceType.VEHICLE, "v1", "TESLA", Facts.START_STOP, Facts.UNKNOWN, true,
                true);
        DeviceFacts noData = Facts.withElectrical(WALL_BOX, Facts.UNKNOWN);

        Map<String, Capability> caps = CapabilityRules.effective(tesla, Facts.pair(PairStatus.ACTIVE), noData,
                Toggles.defaults());

        assertThat(caps.get("startCharging")).isEqualTo(new Capability(true, java.util.List.of(), null));
        assertThat(caps.get("setMaxCurrent").unlockedBy()).isEqualTo(new UnlockedBy("p1", "c1", null));
        assertThat(caps.get("setMaxPower").isCapable()).isFalse();
        assertThat(CapabilityRules.effective(WALL_BOX, null, null, Toggles.defaults()).get("setMaxPower"))
                .isEqualTo(new Capability(true, java.util.List.of(), null));
    }

    @Test
    void underUnifiedControlsAChargerWithoutStartStopIsControlledThroughTheVehicle() {
        DeviceFacts basic = Facts.device(DeviceType.CHARGER, "c1", "BASIC", Facts.NONE, Facts.UNKNOWN, true, true);
        DeviceFacts tesla = Facts.device(DeviceType.VEHICLE, "v1", "TESLA", Facts.ALL, Facts.UNKNOWN, true, true);

        Map<String, Capability> off = CapabilityRules.effective(basic, Facts.pair(PairStatus.ACTIVE), tesla,
                Toggles.defaults());
        Map<String, Capability> on = CapabilityRules.effective(basic, Facts.pair(PairStatus.ACTIVE), tesla,
                new Toggles(true, true, true));

        assertThat(off.get("startCharging").isCapable()).isFalse();
        assertThat(on.get("startCharging").unlockedBy()).isEqualTo(new UnlockedBy("p1", null, "v1"));
        assertThat(on.get("stopCharging").isCapable()).isTrue();
        assertThat(on.get("setMaxCurrent").isCapable()).isFalse();
    }

    @Test
    void theRelevantPairIsTheActiveOneElseTheEarliestLiveOne() {
        PairFacts old = new PairFacts("p-old", "v1", "c1", PairStatus.INACTIVE, 0.0, Facts.T0);
        PairFacts newer = new PairFacts("p-new", "v1", "c2", PairStatus.INACTIVE, 0.0, Facts.T0.plusSeconds(60));
        PairFacts active = new PairFacts("p-act", "v1", "c3", PairStatus.ACTIVE, 0.8, Facts.T0.plusSeconds(120));
        PairFacts gone = new PairFacts("p-gone", "v1", "c4", PairStatus.DISSOLVED, 0.0, Facts.T0.minusSeconds(60));

        assertThat(PairFacts.relevant(java.util.List.of(newer, old, gone))).map(PairFacts::pairId).contains("p-old");
        assertThat(PairFacts.relevant(java.util.List.of(newer, active, old))).map(PairFacts::pairId)
                .contains("p-act");
        assertThat(PairFacts.relevant(java.util.List.of(gone))).isEmpty();
    }
}
