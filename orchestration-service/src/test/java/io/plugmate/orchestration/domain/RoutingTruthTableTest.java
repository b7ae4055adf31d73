package io.plugmate.orchestration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.plugmate.events.CommandKind;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceType;

/**
 * The routing rule of architecture §6 as a truth table: capability × reachability × pair state × toggles (× plugged
 * in). The table below is the rule as a person reads it; {@link #everyCombination()} walks all 6,144 combinations of
 * start/stop on both device types and checks each against the rule stated independently.
 */
class RoutingTruthTableTest {

    @ParameterizedTest(name = "{index}: vehicle capable={0} reachable={1} pair={2} unlock={3} orch={4} charger capable={5} reachable={6} → {7}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            # vehicle: own OEM first
            true  | true  | -         | true  | true  | true  | true  | DIRECT
            true  | -     | ACTIVE    | false | false | true  | true  | DIRECT
            true  | true  | ACTIVE    | true  | true  | true  | true  | DIRECT
            # vehicle cannot start itself: through the ACTIVE pair when both toggles are on
            false | true  | ACTIVE    | true  | true  | true  | true  | PAIR
            false | -     | ACTIVE    | true  | true  | true  | -     | PAIR
            false | true  | ACTIVE    | false | true  | true  | true  | FEATURE_DISABLED
            false | true  | ACTIVE    | true  | false | true  | true  | FEATURE_DISABLED
            false | true  | ACTIVE    | false | false | true  | true  | FEATURE_DISABLED
            # never through a pair that is not ACTIVE
            false | true  | INACTIVE  | true  | true  | true  | true  | PAIR_NOT_ACTIVE
            false | true  | AMBIGUOUS | true  | true  | true  | true  | PAIR_NOT_ACTIVE
            false | true  | -         | true  | true  | true  | true  | NO_CAPABLE_ROUTE
            # the charger must be able to do it, and be reachable
            false | true  | ACTIVE    | true  | true  | false | true  | NO_CAPABLE_ROUTE
            false | true  | ACTIVE    | true  | true  | true  | false | UNREACHABLE
            # an unreachable vehicle falls back to its pair
            true  | false | ACTIVE    | true  | true  | true  | true  | PAIR
            true  | false | -         | true  | true  | true  | true  | UNREACHABLE
            true  | false | INACTIVE  | true  | true  | true  | true  | UNREACHABLE
            true  | false | ACTIVE    | true  | false | true  | true  | UNREACHABLE
            true  | false | ACTIVE    | true  | true  | false | true  | UNREACHABLE
            """)
    void vehicleStart(boolean capable, Boolean reachable, PairStatus pair, boolean unlocking, boolean orchestration,
            boolean chargerCapable, Boolean chargerReachable, String expected) {
        DeviceFacts vehicle = Facts.device(DeviceType.VEHICLE, "v1", "VOLTRA", caps(capable), Facts.UNKNOWN,
                reachable, true);
        DeviceFacts charger = Facts.device(DeviceType.CHARGER, "c1", "ZAPLINE", caps(chargerCapable),
                Facts.THREE_PHASE_32, chargerReachable, true);
        RoutingDecision d = Routing.decide(new RoutingInput(ActionRequest.charging(DeviceType.VEHICLE, "v1",
                CommandKind.START), vehicle, pair == null ? null : Facts.pair(pair), charger,
                new Toggles(unlocking, orchestration, false)));

        assertThat(outcome(d)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{index}: charger capable={0} pair={1} unified={2} orch={3} vehicle capable={4} → {5}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            true  | ACTIVE   | false | false | false | DIRECT
            false | ACTIVE   | true  | true  | true  | PAIR
            false | ACTIVE   | false | true  | true  | FEATURE_DISABLED
            false | ACTIVE   | true  | false | true  | FEATURE_DISABLED
            false | INACTIVE | true  | true  | true  | PAIR_NOT_ACTIVE
            false | ACTIVE   | true  | true  | false | NO_CAPABLE_ROUTE
            false | -        | true  | true  | true  | NO_CAPABLE_ROUTE
            """)
    void chargerStartUnderUnifiedControls(boolean capable, PairStatus pair, boolean unified, boolean orchestration,
            boolean vehicleCapable, String expected) {
        DeviceFacts charger = Facts.device(DeviceType.CHARGER, "c1", "BASIC", caps(capable), Facts.UNKNOWN, null,
                true);
        DeviceFacts vehicle = Facts.device(DeviceType.VEHICLE, "v1", "TESLA", caps(vehicleCapable), Facts.UNKNOWN,
                null, true);
        RoutingDecision d = Routing.decide(new RoutingInput(ActionRequest.charging(DeviceType.CHARGER, "c1",
                CommandKind.STOP), charger, pair == null ? null : Facts.pair(pair), vehicle,
                new Toggles(true, orchestration, unified)));

        assertThat(outcome(d)).isEqualTo(expected);
    }

    @Test
    void aStartOnADeviceKnownToBeUnpluggedIsRefusedWhateverTheRoutes() {
        DeviceFacts vehicle = Facts.device(DeviceType.VEHICLE, "v1", "TESLA", Facts.ALL, Facts.UNKNOWN, true, false);

        RoutingDecision d = Routing.decide(new RoutingInput(ActionRequest.charging(DeviceType.VEHICLE, "v1",
                CommandKind.START), vehicle, null, null, Toggles.defaults()));

        assertThat(d.refusal().type()).isEqualTo("NOT_PLUGGED_IN");
        assertThat(d.refusal().detail()).contains("unplugged");
        assertThat(d.routes()).hasSize(2).noneMatch(RouteOption::taken);
    }

    @Test
    void theRefusalNamesEveryRouteAndWhy() {
        DeviceFacts vehicle = Facts.vehicle(Facts.NONE);

        RoutingDecision d = Routing.decide(new RoutingInput(ActionRequest.charging(DeviceType.VEHICLE, "v1",
                CommandKind.START), vehicle, Facts.pair(PairStatus.ACTIVE), Facts.charger(Facts.ALL),
                new Toggles(true, false, false)));

        assertThat(d.refusal().type()).isEqualTo("FEATURE_DISABLED");
        assertThat(d.refusal().detail()).startsWith("Command-orchestration is off for this client.")
                .contains("direct — vehicle v1 (VOLTRA) does not offer startCharging")
                .contains("pair — command-orchestration is off for this client");
        RouteOption viaPair = d.routes().get(1);
        assertThat(viaPair.checks()).extracting(Check::subject).containsExactly("toggle capability-unlocking",
                "toggle command-orchestration", "pair", "capability", "reachability");
        assertThat(viaPair.checks().get(2).detail()).contains("ACTIVE (confidence 0.90)");
    }

    @Test
    void limitsGoThroughThePairsChargerAndPowerNeedsItsElectricalData() {
        DeviceFacts vehicle = Facts.vehicle(Facts.START_STOP);
        var request = new ActionRequest(DeviceType.VEHICLE, "v1", CommandKind.SET_MAX_POWER, null, 7.4);

        RoutingDecision known = Routing.decide(new RoutingInput(request, vehicle, Facts.pair(PairStatus.ACTIVE),
                Facts.charger(Facts.ALL), Toggles.defaults()));
        RoutingDecision unknown = Routing.decide(new RoutingInput(request, vehicle, Facts.pair(PairStatus.ACTIVE),
                Facts.withElectrical(Facts.charger(Facts.ALL), Facts.UNKNOWN), Toggles.defaults()));
        RoutingDecision cannot = Routing.decide(new RoutingInput(request, vehicle, Facts.pair(PairStatus.ACTIVE),
                Facts.charger(Facts.START_STOP), Toggles.defaults()));

        assertThat(known.chosen().via()).isEqualTo(RouteOption.Via.PAIR);
        assertThat(known.current().sentCurrentA()).isEqualTo(10.7);
        assertThat(known.routes().getFirst().checks().getFirst().detail()).contains("takes a current, not a power");
        assertThat(unknown.refusal().type()).isEqualTo("ELECTRICAL_DATA_UNKNOWN");
        assertThat(unknown.refusal().detail()).contains("phases and voltage unknown");
        assertThat(cannot.refusal().type()).isEqualTo("NO_CAPABLE_ROUTE");
        assertThat(cannot.refusal().detail()).contains("does not offer setMaxCurrent");
    }

    @Test
    void aChargersOwnLimitsNeverGoThroughThePair() {
        var request = new ActionRequest(DeviceType.CHARGER, "c1", CommandKind.SET_MAX_CURRENT, 40.0, null);

        RoutingDecision d = Routing.decide(new RoutingInput(request, Facts.charger(Facts.ALL),
                Facts.pair(PairStatus.ACTIVE), Facts.vehicle(Facts.ALL), new Toggles(true, true, true)));

        assertThat(d.routes()).hasSize(1);
        assertThat(d.chosen().via()).isEqualTo(RouteOption.Via.DIRECT);
        assertThat(d.current().sentCurrentA()).isEqualTo(32.0);
        assertThat(d.current().clamped()).isTrue();
        assertThat(d.current().explanation()).contains("clamped to its maximum 32 A");
    }

    /**
     * Every combination for START and STOP on both device types: target and counterpart capability and reachability,
     * pair state, the three toggles, plugged in. Checked against the rule written as plain boolean logic.
     */
    @Test
    void everyCombination() {
        int checked = 0;
        for (Case c : cases()) {
            RoutingDecision d = Routing.decide(c.input());
            assertThat(outcome(d)).as(c.toString()).isEqualTo(c.expected());
            if (d.chosen() != null && d.chosen().via() == RouteOption.Via.PAIR) {
                assertThat(c.pair()).as("never through a pair that is not ACTIVE: " + c).isEqualTo(PairStatus.ACTIVE);
            }
            checked++;
        }
        assertThat(checked).isEqualTo(6144);
    }

    record Case(DeviceType type, CommandKind kind, boolean capable, Boolean reachable, PairStatus pair,
            boolean otherCapable, Boolean otherReachable, boolean unlocking, boolean orchestration, boolean unified,
            Boolean pluggedIn) {

        RoutingInput input() {
            boolean vehicle = type == DeviceType.VEHICLE;
            DeviceFacts target = Facts.device(type, vehicle ? "v1" : "c1", "X", caps(capable), Facts.UNKNOWN,
                    reachable, pluggedIn);
            DeviceFacts other = Facts.device(vehicle ? DeviceType.CHARGER : DeviceType.VEHICLE, vehicle ? "c1" : "v1",
                    "Y", caps(otherCapable), Facts.UNKNOWN, otherReachable, null);
            return new RoutingInput(ActionRequest.charging(type, target.id(), kind), target,
                    pair == null ? null : Facts.pair(pair), other, new Toggles(unlocking, orchestration, unified));
        }

        /** The rule, stated once more without the implementation's structure. */
        String expected() {
            if (Boolean.FALSE.equals(pluggedIn)) {
                return "NOT_PLUGGED_IN";
            }
            boolean directUp = !Boolean.FALSE.equals(reachable);
            boolean togglesOn = orchestration && (type == DeviceType.VEHICLE ? unlocking : unified);
            boolean otherUp = !Boolean.FALSE.equals(otherReachable);
            if (capable && directUp) {
                return "DIRECT";
            }
            if (pair != null && togglesOn && pair == PairStatus.ACTIVE && otherCapable && otherUp) {
                return "PAIR";
            }
            if (capable) {
                return "UNREACHABLE"; // the own route is only down for now
            }
            if (pair == null || !otherCapable) {
                return "NO_CAPABLE_ROUTE";
            }
            if (!togglesOn) {
                return "FEATURE_DISABLED";
            }
            return pair != PairStatus.ACTIVE ? "PAIR_NOT_ACTIVE" : "UNREACHABLE";
        }
    }

    static List<Case> cases() {
        List<Case> all = new ArrayList<>();
        Boolean[] tri = { true, false, null };
        boolean[] bool = { true, false };
        PairStatus[] pairs = { null, PairStatus.INACTIVE, PairStatus.ACTIVE, PairStatus.AMBIGUOUS };
        for (DeviceType type : DeviceType.values()) {
            for (CommandKind kind : List.of(CommandKind.START, CommandKind.STOP)) {
                for (boolean capable : bool) {
                    for (Boolean reachable : new Boolean[] { true, false }) {
                        for (PairStatus pair : pairs) {
                            for (boolean otherCapable : bool) {
                                for (Boolean otherReachable : new Boolean[] { null, false }) {
                                    for (boolean unlocking : bool) {
                                        for (boolean orchestration : bool) {
                                            for (boolean unified : bool) {
                                                for (Boolean plugged : tri) {
                                                    all.add(new Case(type, kind, capable, reachable, pair,
                                                            otherCapable, otherReachable, unlocking, orchestration,
                                                            unified, plugged));
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return all;
    }

    private static String outcome(RoutingDecision d) {
        return d.chosen() != null ? d.chosen().via().name() : d.refusal().type();
    }

    private static DeviceCapabilities caps(boolean startStop) {
        return new DeviceCapabilities(startStop, startStop, false, false);
    }
}
