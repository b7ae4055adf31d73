package io.plugmate.pairing.domain;

import static io.plugmate.events.DeviceType.CHARGER;
import static io.plugmate.events.DeviceType.VEHICLE;
import static io.plugmate.pairing.domain.Feed.HOME;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.plugmate.events.PairActivated;
import io.plugmate.events.PairDeactivated;

/** A person's verdicts: what they publish (ADR 0010) and that saying the same again changes nothing. */
class VerdictRulesTest {

    /** v1 plugs into c1 at six; detection activates the pair at 18:10. */
    private static Feed.Run activeEvening() {
        return new Feed().linked(VEHICLE, "v1").linked(CHARGER, "c1")
                .vehicle("v1", "17:50", false, false, 0.0, HOME)
                .charger("c1", "17:55", false, false, 0.0)
                .charger("c1", "18:00:05", true, false, 0.0)
                .chargerEvery("c1", "18:00:30", "18:10", 30, true, true, 11.0)
                .vehicle("v1", "18:01:30", true, true, 10.2, HOME)
                .run();
    }

    private static void feed(Feed.Run run, Feed more) {
        more.events().forEach(e -> run.detector().accept(e, true));
    }

    @Test
    void confirmingAnActivePairPublishesItAgainAsConfirmed() {
        Feed.Run run = activeEvening();
        String pairId = run.pair("v1", "c1").id();
        assertThat(run.pair("v1", "c1").state()).isEqualTo(PairState.ACTIVE);
        assertThat(run.pair("v1", "c1").confidence()).isLessThan(1.0);

        Outcome confirmed = run.detector().confirm(pairId, Feed.at("18:11"), true);

        assertThat(confirmed.events()).singleElement().isInstanceOfSatisfying(PairActivated.class, e -> {
            assertThat(e.pairId()).isEqualTo(pairId);
            assertThat(e.confidence()).isEqualTo(1.0);
            // the user's event time, not the wall clock's 18:11
            assertThat(e.occurredAt()).isEqualTo(Feed.at("18:10"));
            assertThat(e.evidence()).anySatisfy(ev -> {
                assertThat(ev.signal()).isEqualTo("person");
                assertThat(ev.score()).isPositive();
            });
        });
        assertThat(confirmed.transitions()).singleElement().satisfies(t -> {
            assertThat(t.from()).isEqualTo(PairState.ACTIVE);
            assertThat(t.to()).isEqualTo(PairState.ACTIVE);
            assertThat(t.reason()).isEqualTo("confirmed by a person");
            assertThat(t.confidence()).isEqualTo(1.0);
        });
        assertThat(run.pair("v1", "c1").confidence()).isEqualTo(1.0);
    }

    @Test
    void aRepeatedConfirmationAddsNoHistoryAndPublishesNothing() {
        Feed.Run run = activeEvening();
        String pairId = run.pair("v1", "c1").id();
        run.detector().confirm(pairId, Feed.at("18:11"), true);
        Pair once = run.pair("v1", "c1");

        Outcome again = run.detector().confirm(pairId, Feed.at("18:12"), true);

        assertThat(again.duplicate()).isTrue();
        assertThat(again.events()).isEmpty();
        assertThat(again.transitions()).isEmpty();
        assertThat(run.pair("v1", "c1")).isEqualTo(once);
    }

    @Test
    void aRepeatedConfirmationOfAnInactivePairChangesNothing() {
        Feed.Run run = new Feed().linked(VEHICLE, "v1").linked(CHARGER, "c1")
                .vehicle("v1", "17:50", false, false, 0.0, HOME).charger("c1", "17:55", false, false, 0.0).run();
        String pairId = run.pair("v1", "c1").id();
        Outcome first = run.detector().confirm(pairId, Feed.at("18:00"), true);
        Pair once = run.pair("v1", "c1");

        Outcome again = run.detector().confirm(pairId, Feed.at("18:01"), true);

        assertThat(first.transitions()).singleElement()
                .satisfies(t -> assertThat(t.reason()).isEqualTo("confirmed by a person"));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.transitions()).isEmpty();
        assertThat(run.pair("v1", "c1")).isEqualTo(once);
    }

    @Test
    void aConfirmationFromAnEarlierPlugInIsNoRepeatInTheNext() {
        Feed.Run run = activeEvening();
        String pairId = run.pair("v1", "c1").id();
        run.detector().confirm(pairId, Feed.at("18:11"), true);
        feed(run, new Feed().vehicle("v1", "19:30", false, false, 0.0, HOME)
                .charger("c1", "19:30:20", false, false, 0.0)
                .charger("c1", "21:00:05", true, true, 11.0)
                .chargerEvery("c1", "21:00:30", "21:10", 30, true, true, 11.0)
                .vehicle("v1", "21:01:00", true, true, 10.2, HOME));

        Outcome confirmed = run.detector().confirm(pairId, Feed.at("21:11"), true);

        // the first confirmation counted for its own plug-in; this one is news for the second
        assertThat(confirmed.duplicate()).isFalse();
        assertThat(confirmed.events()).singleElement().isInstanceOfSatisfying(PairActivated.class,
                e -> assertThat(e.confidence()).isEqualTo(1.0));
        assertThat(run.pair("v1", "c1").state()).isEqualTo(PairState.ACTIVE);
    }

    @Test
    void aRepeatedRejectionChangesNothing() {
        Feed.Run run = activeEvening();
        String pairId = run.pair("v1", "c1").id();
        run.detector().reject(pairId, Feed.at("18:11"), true);
        Pair once = run.pair("v1", "c1");

        Outcome again = run.detector().reject(pairId, Feed.at("18:12"), true);

        assertThat(again.duplicate()).isTrue();
        assertThat(again.events()).isEmpty();
        assertThat(run.pair("v1", "c1")).isEqualTo(once);
    }

    @Test
    void aRejectionWithdrawsTheActivationAndAnUnplugMerelyEndsIt() {
        Feed.Run rejected = activeEvening();
        Outcome rejection = rejected.detector().reject(rejected.pair("v1", "c1").id(), Feed.at("18:11"), true);
        Feed.Run unplugged = activeEvening();
        Outcome unplug = unplugged.detector()
                .accept(new Feed().vehicle("v1", "19:30", false, false, 0.0, HOME).events().getFirst(), true);

        assertThat(rejection.events()).singleElement().isInstanceOfSatisfying(PairDeactivated.class, e -> {
            assertThat(e.reason()).isEqualTo("rejected by a person");
            assertThat(e.withdrawn()).isTrue();
        });
        assertThat(unplug.events()).singleElement().isInstanceOfSatisfying(PairDeactivated.class, e -> {
            assertThat(e.reason()).isEqualTo("vehicle reported unplugged");
            assertThat(e.withdrawn()).isFalse();
        });
    }
}
