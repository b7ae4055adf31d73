package io.plugmate.orchestration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.events.ActionState;
import io.plugmate.events.CommandKind;
import io.plugmate.events.CommandOutcome;
import io.plugmate.events.CommandResult;
import io.plugmate.events.DeviceType;

class ActionLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-11-24T18:00:00Z");
    private static final Policies POLICIES = new Policies(Duration.ofMinutes(10), Map.of("TESLA",
            Duration.ofMinutes(5)), 3, Duration.ofSeconds(10));

    /** A VOLTRA vehicle (no start/stop) plugged into its TESLA charger through ACTIVE pair p1. */
    private static RoutingInput throughPair(CommandKind kind) {
        DeviceFacts vehicle = Facts.withStatus(Facts.vehicle(Facts.NONE),
                new DeviceStatus(NOW.minusSeconds(100), true, false, null));
        DeviceFacts charger = Facts.withStatus(Facts.charger(Facts.ALL),
                new DeviceStatus(NOW.minusSeconds(20), true, false, 16.0));
        return new RoutingInput(ActionRequest.charging(DeviceType.VEHICLE, "v1", kind), vehicle,
                Facts.pair(PairStatus.ACTIVE), charger, Toggles.defaults());
    }

    private static Change started() {
        RoutingInput in = throughPair(CommandKind.START);
        return ActionLifecycle.create(UUID.randomUUID(), "acme", "u1", in, Routing.decide(in), POLICIES, NOW);
    }

    private static CommandResult result(Action a, CommandOutcome outcome, String reason) {
        return new CommandResult(UUID.randomUUID(), 1, "acme", "u1", NOW, a.plan().lastStep().commandId(), a.id(),
                DeviceType.CHARGER, "c1", outcome, reason);
    }

    @Test
    void aRoutedActionIsPendingWithItsFirstCommandAndAVendorDeadline() {
        Change c = started();

        assertThat(c.stateChanged()).isTrue();
        assertThat(c.action().state()).isEqualTo(ActionState.PENDING);
        assertThat(c.action().deadline()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(c.action().plan().deadlineRule()).isEqualTo("PT5M for TESLA devices");
        assertThat(c.action().pairedDevice().deviceId()).isEqualTo("c1");
        assertThat(c.dispatches()).singleElement().satisfies(d -> {
            assertThat(d.deviceType()).isEqualTo(DeviceType.CHARGER);
            assertThat(d.deviceId()).isEqualTo("c1");
            assertThat(d.kind()).isEqualTo(CommandKind.START);
            assertThat(d.deadline()).isEqualTo(c.action().deadline());
        });
        assertThat(c.action().plan().watching()).extracting(Plan.Watch::deviceId).containsExactly("c1", "v1");
        assertThat(c.action().plan().steps()).singleElement().extracting(Plan.Step::attempt).isEqualTo(1);
        assertThat(c.action().plan().transitions().getFirst().detail()).isEqualTo(
                "routed through pair p1 to charger c1 (TESLA)");
    }

    @Test
    void aRefusedRequestIsCreatedCancelledWithItsReasonAndSendsNothing() {
        RoutingInput in = new RoutingInput(ActionRequest.charging(DeviceType.VEHICLE, "v1", CommandKind.START),
                Facts.vehicle(Facts.NONE), Facts.pair(PairStatus.INACTIVE), Facts.charger(Facts.ALL),
                Toggles.defaults());

        Change c = ActionLifecycle.create(UUID.randomUUID(), "acme", "u1", in, Routing.decide(in), POLICIES, NOW);

        assertThat(c.action().state()).isEqualTo(ActionState.CANCELLED);
        assertThat(c.action().failureReason().type()).isEqualTo("PAIR_NOT_ACTIVE");
        assertThat(c.action().completedAt()).isEqualTo(NOW);
        assertThat(c.dispatches()).isEmpty();
        assertThat(c.action().plan().decisions().getFirst().outcome()).isEqualTo("refused: PAIR_NOT_ACTIVE");
    }

    @Test
    void onlyAReportMeasuredAfterTheStartShowingTheEffectConfirms() {
        Action a = started().action();

        Change stale = ActionLifecycle.onObservation(a, DeviceType.CHARGER, "c1",
                new DeviceStatus(NOW.minusSeconds(30), true, true, null), NOW.plusSeconds(1));
        Change notYet = ActionLifecycle.onObservation(a, DeviceType.CHARGER, "c1",
                new DeviceStatus(NOW.plusSeconds(5), true, false, null), NOW.plusSeconds(6));
        Change stranger = ActionLifecycle.onObservation(notYet.action(), DeviceType.CHARGER, "c9",
                new DeviceStatus(NOW.plusSeconds(9), true, true, null), NOW.plusSeconds(9));
        Change effect = ActionLifecycle.onObservation(notYet.action(), DeviceType.CHARGER, "c1",
                new DeviceStatus(NOW.plusSeconds(10), true, true, null), NOW.plusSeconds(12));

        assertThat(stale.action()).isEqualTo(a);
        assertThat(notYet.action().state()).isEqualTo(ActionState.PENDING);
        assertThat(notYet.action().plan().observations()).singleElement().extracting(Plan.Observation::effect)
                .isEqualTo(Effect.CONTRADICTS);
        assertThat(stranger.action().plan().observations()).hasSize(1);
        assertThat(effect.stateChanged()).isTrue();
        assertThat(effect.action().state()).isEqualTo(ActionState.CONFIRMED);
        assertThat(effect.action().completedAt()).isEqualTo(NOW.plusSeconds(12));
        assertThat(effect.action().plan().observations()).extracting(Plan.Observation::effect)
                .containsExactly(Effect.CONTRADICTS, Effect.CONFIRMS);
    }

    @Test
    void theVehiclesOwnReportConfirmsAStartThroughItsCharger() {
        Action a = started().action();

        Change c = ActionLifecycle.onObservation(a, DeviceType.VEHICLE, "v1",
                new DeviceStatus(NOW.plusSeconds(60), true, true, null), NOW.plusSeconds(61));

        assertThat(c.action().state()).isEqualTo(ActionState.CONFIRMED);
    }

    @Test
    void anOemRefusalFailsWithTheOemsWords() {
        Action a = started().action();

        Change c = ActionLifecycle.onResult(a, result(a, CommandOutcome.REJECTED,
                "OEM answered 409: charging locked by the owner"), POLICIES, NOW.plusSeconds(2));

        assertThat(c.action().state()).isEqualTo(ActionState.FAILED);
        assertThat(c.action().failureReason().type()).isEqualTo("OEM_REFUSED");
        assertThat(c.action().failureReason().detail()).isEqualTo("OEM answered 409: charging locked by the owner");
        assertThat(c.action().plan().steps().getFirst().result().outcome()).isEqualTo(CommandOutcome.REJECTED);
    }

    @Test
    void transientFailuresAreRetriedAsNewCommandsWithinTheDeadlineThenGiveUp() {
        Action a = started().action();
        UUID first = a.plan().lastStep().commandId();

        Change failed = ActionLifecycle.onResult(a, result(a, CommandOutcome.FAILED, "OEM answered 503: busy"),
                POLICIES, NOW.plusSeconds(1));
        assertThat(failed.action().state()).isEqualTo(ActionState.PENDING);
        assertThat(failed.action().nextAttemptAt()).isEqualTo(NOW.plusSeconds(11));

        RoutingInput in = throughPair(CommandKind.START);
        Change early = ActionLifecycle.onRetryDue(failed.action(), Routing.decide(in), NOW.plusSeconds(5));
        assertThat(early.dispatches()).isEmpty();

        Change second = ActionLifecycle.onRetryDue(failed.action(), Routing.decide(in), NOW.plusSeconds(11));
        assertThat(second.dispatches()).singleElement().satisfies(d -> assertThat(d.commandId()).isNotEqualTo(first));
        assertThat(second.action().attempts()).isEqualTo(2);
        assertThat(second.action().nextAttemptAt()).isNull();
        assertThat(second.action().plan().decisions()).extracting(Plan.Decision::trigger)
                .containsExactly("created", "retry");

        Action third = ActionLifecycle.onRetryDue(ActionLifecycle.onResult(second.action(),
                result(second.action(), CommandOutcome.FAILED, "timeout"), POLICIES, NOW.plusSeconds(12)).action(),
                Routing.decide(in), NOW.plusSeconds(40)).action();
        Change exhausted = ActionLifecycle.onResult(third, result(third, CommandOutcome.FAILED, "OEM answered 502"),
                POLICIES, NOW.plusSeconds(41));
        assertThat(exhausted.action().state()).isEqualTo(ActionState.FAILED);
        assertThat(exhausted.action().failureReason().type()).isEqualTo("OEM_FAILED");
        assertThat(exhausted.action().failureReason().detail()).isEqualTo("3 attempt(s) failed; the last: OEM "
                + "answered 502");
    }

    @Test
    void aResultForAnEarlierAttemptOrAnEndedActionIsNotedButChangesNothing() {
        Action a = started().action();
        CommandResult firstResult = result(a, CommandOutcome.FAILED, "busy");
        Action retried = ActionLifecycle.onRetryDue(ActionLifecycle.onResult(a, firstResult, POLICIES,
                NOW.plusSeconds(1)).action(), Routing.decide(throughPair(CommandKind.START)), NOW.plusSeconds(11))
                .action();

        Change late = ActionLifecycle.onResult(retried, new CommandResult(UUID.randomUUID(), 1, "acme", "u1", NOW,
                a.plan().steps().getFirst().commandId(), a.id(), DeviceType.CHARGER, "c1", CommandOutcome.REJECTED,
                "late"), POLICIES, NOW.plusSeconds(12));

        assertThat(late.action().state()).isEqualTo(ActionState.PENDING);
        assertThat(late.action().plan().steps().getFirst().result().reason()).isEqualTo("late");
    }

    @Test
    void pastTheDeadlineItFailsWithTheLastWordOfTheOem() {
        Action a = ActionLifecycle.onResult(started().action(), result(started().action(), CommandOutcome.ACCEPTED,
                null), POLICIES, NOW.plusSeconds(1)).action();

        Change before = ActionLifecycle.onDeadline(a, NOW.plusSeconds(299));
        Change after = ActionLifecycle.onDeadline(a, NOW.plusSeconds(300));

        assertThat(before.action().state()).isEqualTo(ActionState.PENDING);
        assertThat(after.action().state()).isEqualTo(ActionState.FAILED);
        assertThat(after.action().failureReason().type()).isEqualTo("DEADLINE_PASSED");
        assertThat(after.action().failureReason().detail()).contains("PT5M for TESLA devices")
                .contains("no answer from the device service");
    }

    @Test
    void whenItsPairDeactivatesWhilePendingItIsCancelledWithoutAnotherRoute() {
        Action a = started().action();
        RoutingInput after = new RoutingInput(throughPair(CommandKind.START).request(),
                throughPair(CommandKind.START).target(), Facts.pair(PairStatus.INACTIVE),
                throughPair(CommandKind.START).counterpart(), Toggles.defaults());

        Change other = ActionLifecycle.onPairEnded(a, "p2", "was deactivated (x)", Routing.decide(after), NOW);
        Change c = ActionLifecycle.onPairEnded(a, "p1", "was deactivated (vehicle unplugged)",
                Routing.decide(after), NOW.plusSeconds(3));

        assertThat(other.action().state()).isEqualTo(ActionState.PENDING);
        assertThat(c.action().state()).isEqualTo(ActionState.CANCELLED);
        assertThat(c.action().failureReason().type()).isEqualTo("PAIR_DEACTIVATED");
        assertThat(c.action().failureReason().detail()).startsWith("Pair p1 was deactivated (vehicle unplugged) "
                + "while the action was pending.");
        assertThat(c.dispatches()).isEmpty();
    }

    @Test
    void aMaxPowerActionSendsTheConvertedCurrentAndIsConfirmedByTheChargersLimit() {
        DeviceFacts charger = Facts.withStatus(Facts.charger(Facts.ALL), new DeviceStatus(NOW, true, true, 32.0));
        RoutingInput in = new RoutingInput(new ActionRequest(DeviceType.CHARGER, "c1", CommandKind.SET_MAX_POWER,
                null, 7.4), charger, null, null, Toggles.defaults());

        Change c = ActionLifecycle.create(UUID.randomUUID(), "acme", "u1", in, Routing.decide(in), POLICIES, NOW);
        Change confirmed = ActionLifecycle.onObservation(c.action(), DeviceType.CHARGER, "c1",
                new DeviceStatus(NOW.plusSeconds(4), true, true, 10.0), NOW.plusSeconds(5));

        assertThat(c.dispatches()).singleElement().satisfies(d -> {
            assertThat(d.kind()).isEqualTo(CommandKind.SET_MAX_CURRENT);
            assertThat(d.maxCurrentA()).isEqualTo(10.7);
            assertThat(d.maxPowerKw()).isEqualTo(7.4);
        });
        assertThat(c.action().plan().decisions().getFirst().current().explanation()).contains("10.72 A");
        assertThat(confirmed.action().state()).isEqualTo(ActionState.CONFIRMED);
    }

    @Test
    void theSameRequestWhilePendingIsTheSameAction() {
        Action a = started().action();

        assertThat(a.sameRequestAs(ActionRequest.charging(DeviceType.VEHICLE, "v1", CommandKind.START))).isTrue();
        assertThat(a.sameRequestAs(ActionRequest.charging(DeviceType.VEHICLE, "v1", CommandKind.STOP))).isFalse();
        assertThat(ActionLifecycle.cancel(a, FailureType.SUPERSEDED.because("x"), NOW).action()
                .sameRequestAs(ActionRequest.charging(DeviceType.VEHICLE, "v1", CommandKind.START))).isFalse();
    }
}
