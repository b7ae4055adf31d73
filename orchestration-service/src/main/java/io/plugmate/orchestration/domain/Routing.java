package io.plugmate.orchestration.domain;

import static io.plugmate.orchestration.domain.Check.Blocker.NOT_CAPABLE;
import static io.plugmate.orchestration.domain.Check.Blocker.NOT_PLUGGED_IN;
import static io.plugmate.orchestration.domain.Check.Blocker.NO_ELECTRICAL_DATA;
import static io.plugmate.orchestration.domain.Check.Blocker.NO_PAIR;
import static io.plugmate.orchestration.domain.Check.Blocker.PAIR_NOT_ACTIVE;
import static io.plugmate.orchestration.domain.Check.Blocker.TOGGLE_OFF;
import static io.plugmate.orchestration.domain.Check.Blocker.UNREACHABLE;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import io.plugmate.events.CommandKind;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceType;
import io.plugmate.events.FailureReason;

/**
 * Where an action goes (architecture §6, issue 9). Routes in order of preference:
 *
 * <ol>
 * <li>DIRECT — the target's own OEM: it offers the capability natively, is not known to be unreachable, and for a
 * charger's max-power its phases and voltage are known. A vehicle's OEM takes a current, never a power.</li>
 * <li>PAIR — the other device of the target's pair, for a vehicle (any kind) when {@code capability-unlocking} and
 * {@code command-orchestration} are on, and for a charger's start/stop when {@code unified-charger-controls} and
 * {@code command-orchestration} are on: the pair is ACTIVE (plugged into a known vehicle), the other device offers the
 * capability natively and is not known to be unreachable, and for max-power the charger's phases and voltage are
 * known.</li>
 * </ol>
 *
 * Start/stop has one precondition of its own: the target is not known to be unplugged. When no route is possible the
 * action is refused with the first non-structural blocker in route order (what could change: a toggle, the pair, the
 * reachability, the data); when every route is impossible by construction, NO_CAPABLE_ROUTE. The order of checks in
 * a route is the order of the rule above, so the plan reads like the rule.
 */
public final class Routing {

    private Routing() {
    }

    public static RoutingDecision decide(RoutingInput in) {
        List<Check> preconditions = preconditions(in);
        List<RouteOption> routes = new ArrayList<>();
        routes.add(direct(in));
        if (in.target().type() == DeviceType.VEHICLE || in.request().startOrStop()) {
            routes.add(throughPair(in));
        }
        boolean preconditionsHold = preconditions.stream().allMatch(Check::passed);
        int chosen = preconditionsHold ? indexOfFirstPossible(routes) : -1;
        if (chosen >= 0) {
            routes.set(chosen, routes.get(chosen).take());
            RouteOption route = routes.get(chosen);
            return new RoutingDecision(preconditions, routes, route, current(in, route), null);
        }
        FailureReason refusal = preconditionsHold ? refusal(in, routes)
                : preconditions.stream().filter(c -> !c.passed()).findFirst()
                        .map(c -> c.blocker().failure().because(capitalized(c.detail()) + ".")).orElseThrow();
        return new RoutingDecision(preconditions, routes, null, null, refusal);
    }

    private static List<Check> preconditions(RoutingInput in) {
        if (!in.request().startOrStop()) {
            return List.of();
        }
        DeviceFacts target = in.target();
        boolean unplugged = Boolean.FALSE.equals(target.status().isPluggedIn());
        String detail = unplugged
                ? "the %s reported being unplugged at %s (its clock)".formatted(target.type().wireName(),
                        target.status().observedAt())
                : Boolean.TRUE.equals(target.status().isPluggedIn()) ? "reported plugged in"
                        : "not reported yet; taken as plugged in";
        return List.of(Check.of(!unplugged, "plugged in", detail, NOT_PLUGGED_IN));
    }

    private static RouteOption direct(RoutingInput in) {
        DeviceFacts target = in.target();
        CommandKind kind = in.request().kind();
        List<Check> checks = new ArrayList<>();
        if (kind == CommandKind.SET_MAX_POWER && target.type() == DeviceType.VEHICLE) {
            checks.add(Check.fail("capability", "a vehicle's OEM takes a current, not a power: kW becomes A only "
                    + "with the phases and voltage of the charger it is plugged into", NOT_CAPABLE));
        } else {
            checks.add(capability(target, kind));
        }
        checks.add(reachability(target));
        if (kind == CommandKind.SET_MAX_POWER && target.type() == DeviceType.CHARGER) {
            checks.add(electrical(target));
        }
        return new RouteOption(RouteOption.Via.DIRECT, target.type(), target.id(), target.vendor(), null, false,
                checks);
    }

    private static RouteOption throughPair(RoutingInput in) {
        DeviceFacts target = in.target();
        PairFacts pair = in.pair();
        DeviceType otherType = target.type() == DeviceType.VEHICLE ? DeviceType.CHARGER : DeviceType.VEHICLE;
        List<Check> checks = new ArrayList<>();
        if (pair == null) {
            checks.add(Check.fail("pair", "the %s has no pair".formatted(target.type().wireName()), NO_PAIR));
            return new RouteOption(RouteOption.Via.PAIR, otherType, null, null, null, false, checks);
        }
        checks.addAll(toggles(in));
        checks.add(Check.of(pair.active(), "pair", pair.describe() + (pair.active()
                ? ": plugged into a known " + otherType.wireName()
                : ": not plugged into a known " + otherType.wireName()), PAIR_NOT_ACTIVE));
        DeviceFacts other = in.counterpart();
        String otherId = pair.otherSide(target.id());
        if (other == null) {
            checks.add(Check.fail("capability", "the paired %s %s is not known to orchestration yet"
                    .formatted(otherType.wireName(), otherId), NOT_CAPABLE));
            return new RouteOption(RouteOption.Via.PAIR, otherType, otherId, null, pair.pairId(), false, checks);
        }
        checks.add(capability(other, in.request().kind()));
        checks.add(reachability(other));
        if (in.request().kind() == CommandKind.SET_MAX_POWER) {
            checks.add(electrical(other));
        }
        return new RouteOption(RouteOption.Via.PAIR, other.type(), other.id(), other.vendor(), pair.pairId(), false,
                checks);
    }

    private static List<Check> toggles(RoutingInput in) {
        Toggles t = in.toggles();
        String first = in.target().type() == DeviceType.VEHICLE ? "capability-unlocking" : "unified-charger-controls";
        boolean firstOn = in.target().type() == DeviceType.VEHICLE ? t.capabilityUnlocking()
                : t.unifiedChargerControls();
        return List.of(toggle(first, firstOn), toggle("command-orchestration", t.commandOrchestration()));
    }

    private static Check toggle(String key, boolean on) {
        return Check.of(on, "toggle " + key, key + (on ? " is on" : " is off") + " for this client", TOGGLE_OFF);
    }

    private static Check capability(DeviceFacts device, CommandKind kind) {
        DeviceCapabilities caps = device.natively();
        String name = switch (kind) {
            case START -> "startCharging";
            case STOP -> "stopCharging";
            case SET_MAX_CURRENT, SET_MAX_POWER -> "setMaxCurrent";
        };
        boolean capable = switch (kind) {
            case START -> caps.startCharging();
            case STOP -> caps.stopCharging();
            case SET_MAX_CURRENT, SET_MAX_POWER -> caps.setMaxCurrent();
        };
        return Check.of(capable, "capability", device.label() + (capable ? " offers " : " does not offer ") + name,
                NOT_CAPABLE);
    }

    private static Check reachability(DeviceFacts device) {
        if (device.knownUnreachable()) {
            String why = device.unreachableReason() == null ? "" : ": " + device.unreachableReason();
            return Check.fail("reachability", device.label() + " is unreachable" + why, UNREACHABLE);
        }
        return Check.pass("reachability", device.reachable() == null
                ? device.label() + ": reachability not reported; taken as reachable"
                : device.label() + " is reachable");
    }

    private static Check electrical(DeviceFacts charger) {
        var e = charger.electrical();
        return e.convertsPower()
                ? Check.pass("electrical data", "%s: %d phase(s) × %s V, current range %s–%s A".formatted(charger.label(),
                        e.phases(), CurrentSetting.number(e.voltageV()),
                        e.minCurrentA() == null ? "?" : CurrentSetting.number(e.minCurrentA()),
                        e.maxCurrentA() == null ? "?" : CurrentSetting.number(e.maxCurrentA())))
                : Check.fail("electrical data", charger.label() + ": phases and voltage unknown, so kW cannot be "
                        + "converted to A", NO_ELECTRICAL_DATA);
    }

    private static int indexOfFirstPossible(List<RouteOption> routes) {
        for (int i = 0; i < routes.size(); i++) {
            if (routes.get(i).possible()) {
                return i;
            }
        }
        return -1;
    }

    private static FailureReason refusal(RoutingInput in, List<RouteOption> routes) {
        String considered = " Routes considered: " + routes.stream()
                .map(r -> r.via().name().toLowerCase() + " — " + r.blocker().detail())
                .collect(Collectors.joining("; ")) + ".";
        for (RouteOption route : routes) {
            Check blocker = route.blocker();
            if (!blocker.blocker().structural()) {
                return blocker.blocker().failure().because(capitalized(blocker.detail()) + "." + considered);
            }
        }
        return FailureType.NO_CAPABLE_ROUTE.because("No route can " + verb(in.request().kind()) + " the "
                + in.target().type().wireName() + "." + considered);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String verb(CommandKind kind) {
        return switch (kind) {
            case START -> "start charging";
            case STOP -> "stop charging";
            case SET_MAX_CURRENT -> "set a maximum current on";
            case SET_MAX_POWER -> "set a maximum power on";
        };
    }

    private static CurrentSetting current(RoutingInput in, RouteOption route) {
        ActionRequest request = in.request();
        if (request.startOrStop()) {
            return null;
        }
        DeviceFacts executing = route.via() == RouteOption.Via.DIRECT ? in.target() : in.counterpart();
        return request.kind() == CommandKind.SET_MAX_POWER
                ? CurrentSetting.ofPower(request.maxPowerKw(), executing.electrical())
                : CurrentSetting.ofCurrent(request.maxCurrentA(), executing.electrical());
    }
}
