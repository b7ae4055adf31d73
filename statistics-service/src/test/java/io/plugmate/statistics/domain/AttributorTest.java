package io.plugmate.statistics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.events.PairDeactivated;

/** The attribution rules as a truth table: one charger "c", a session from 18:00 to 22:00. */
class AttributorTest {

    static final Instant T0 = Instant.parse("2026-11-24T18:00:00Z");
    static final Attributor ATTRIBUTOR = new Attributor(StatisticsSettings.defaults());

    final List<PairFact> facts = new ArrayList<>();

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    void activated(int minute, String pair, String vehicle, double confidence, AttributedBy by) {
        facts.add(new PairFact(facts.size(), at(minute), PairFact.Kind.ACTIVATED, pair, vehicle, "c", confidence, by,
                null, null));
    }

    void deactivated(int minute, String pair, String vehicle, String reason) {
        facts.add(new PairFact(facts.size(), at(minute), PairFact.Kind.DEACTIVATED, pair, vehicle, "c", 0, null, reason,
                null));
    }

    /** As pairing-service publishes it since schema 2: with its own word on whether the activation is withdrawn. */
    void deactivated(int minute, String pair, String vehicle, String reason, boolean withdrawn) {
        facts.add(Inputs.fact(new PairDeactivated(UUID.randomUUID(), PairDeactivated.SCHEMA_VERSION, "acme", "u1",
                at(minute), pair, vehicle, "c", reason, withdrawn), facts.size()));
    }

    void ambiguous(int minute, String pair, String vehicle, String... rivals) {
        facts.add(new PairFact(facts.size(), at(minute), PairFact.Kind.AMBIGUOUS, pair, vehicle, "c", 0, null, null,
                List.of(rivals)));
    }

    List<Attribution> history() {
        return ATTRIBUTOR.history("c", at(0), at(240), facts);
    }

    Attribution now() {
        return history().getLast();
    }

    @Test
    void anActivePairOverlappingTheSessionAttributesItWithItsConfidence() {
        activated(2, "p1", "v1", 0.73, AttributedBy.DETECTION);
        deactivated(241, "p1", "v1", "vehicle reported unplugged");

        assertThat(history()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(AttributionStatus.ATTRIBUTED);
            assertThat(a.vehicleId()).isEqualTo("v1");
            assertThat(a.pairId()).isEqualTo("p1");
            assertThat(a.confidence()).isEqualTo(0.73);
            assertThat(a.attributedBy()).isEqualTo(AttributedBy.DETECTION);
            assertThat(a.at()).isEqualTo(at(240));
        });
    }

    @Test
    void aConfirmedPairAttributesAsConfirmed() {
        activated(1, "p1", "v1", 1.0, AttributedBy.CONFIRMED);

        assertThat(now().attributedBy()).isEqualTo(AttributedBy.CONFIRMED);
        assertThat(now().confidence()).isEqualTo(1.0);
    }

    @Test
    void noPairMeansAGuest() {
        assertThat(now().status()).isEqualTo(AttributionStatus.GUEST);
        assertThat(now().vehicleId()).isNull();
    }

    @Test
    void aPairThatEndedMinutesIntoTheSessionDoesNotTakeIt() {
        // the own car's activation ran until 18:04 (its unplug reported late); a guest charged from 18:00 to 22:00
        activated(-300, "p1", "v1", 0.8, AttributedBy.DETECTION);
        deactivated(4, "p1", "v1", "vehicle reported unplugged");

        assertThat(now().status()).isEqualTo(AttributionStatus.GUEST);
    }

    @Test
    void aRejectionLaterWithdrawsTheAttributionAndSaysWhenAndWhy() {
        activated(2, "p1", "v1", 0.7, AttributedBy.DETECTION);
        deactivated(300, "p1", "v1", "rejected by a person");

        List<Attribution> history = history();

        assertThat(history).extracting(Attribution::status)
                .containsExactly(AttributionStatus.ATTRIBUTED, AttributionStatus.GUEST);
        assertThat(history.getLast().at()).isEqualTo(at(300));
        assertThat(history.getLast().reason()).startsWith("pair p1 deactivated: rejected by a person");
    }

    @Test
    void aContestedActivationOrEvidenceAgainstIsWithdrawnAnUnplugIsNot() {
        activated(2, "p1", "v1", 0.7, AttributedBy.DETECTION);
        deactivated(3, "p1", "v1", "contested: as plausible as 1 other pair(s)");
        activated(5, "p2", "v2", 0.8, AttributedBy.DETECTION);
        deactivated(200, "p2", "v2", "evidence against: charge-rate: mismatch");
        activated(201, "p3", "v3", 0.9, AttributedBy.DETECTION);
        deactivated(239, "p3", "v3", "charger reported unplugged");

        // p1 and p2 never counted; p3 overlaps 38 minutes
        assertThat(now().pairId()).isEqualTo("p3");
    }

    @Test
    void pairingsWithdrawnFlagDecidesWhereItIsGivenWhateverTheReasonSays() {
        activated(2, "p1", "v1", 0.7, AttributedBy.DETECTION);
        deactivated(200, "p1", "v1", "some reason a later detector words differently", true);
        activated(201, "p2", "v2", 0.8, AttributedBy.DETECTION);
        deactivated(239, "p2", "v2", "evidence against: worded like a withdrawal", false);

        // p1 withdrawn by the flag alone; p2 merely ended, and overlaps 38 minutes
        assertThat(now().pairId()).isEqualTo("p2");
        assertThat(Inputs.fact(new PairDeactivated(UUID.randomUUID(), 1, "acme", "u1", at(0), "p", "v", "c",
                "rejected by a person"), 0).kind()).isEqualTo(PairFact.Kind.DEACTIVATED);
    }

    @Test
    void anAmbiguityLeavesTheSessionUnattributedWithItsCandidates() {
        ambiguous(-3, "p1", "v1", "p2");
        ambiguous(-3, "p2", "v2", "p1");

        assertThat(now().status()).isEqualTo(AttributionStatus.AMBIGUOUS);
        assertThat(now().candidates()).containsExactly(new Attribution.Candidate("p1", "v1"),
                new Attribution.Candidate("p2", "v2"));
    }

    @Test
    void aPersonConfirmingOneCandidateLaterAttributesTheSessionToIt() {
        ambiguous(1, "p1", "v1", "p2");
        ambiguous(1, "p2", "v2", "p1");
        activated(400, "p2", "v2", 1.0, AttributedBy.CONFIRMED);

        // an activation that begins after the session cannot overlap it: the ambiguity stands
        assertThat(now().status()).isEqualTo(AttributionStatus.AMBIGUOUS);

        facts.clear();
        ambiguous(1, "p1", "v1", "p2");
        ambiguous(1, "p2", "v2", "p1");
        activated(100, "p2", "v2", 1.0, AttributedBy.CONFIRMED);
        assertThat(history()).extracting(Attribution::status).containsExactly(AttributionStatus.ATTRIBUTED);
        assertThat(now().attributedBy()).isEqualTo(AttributedBy.CONFIRMED);
    }

    @Test
    void aConfirmationOfTheActivePairAfterTheSessionUpgradesIt() {
        activated(1, "p1", "v1", 0.6, AttributedBy.DETECTION);
        activated(500, "p1", "v1", 1.0, AttributedBy.CONFIRMED);

        List<Attribution> history = history();

        assertThat(history).extracting(Attribution::attributedBy).containsExactly(AttributedBy.DETECTION,
                AttributedBy.CONFIRMED);
        assertThat(history.getLast().reason()).startsWith("pair p1 confirmed by a person");
    }

    @Test
    void pairEventsOfOtherChargersAndArrivalOrderDoNotMatter() {
        activated(2, "p1", "v1", 0.7, AttributedBy.DETECTION);
        facts.add(new PairFact(99, at(3), PairFact.Kind.ACTIVATED, "px", "v9", "other", 0.99, AttributedBy.DETECTION,
                null, null));
        deactivated(300, "p1", "v1", "rejected by a person");
        List<Attribution> inOrder = history();

        java.util.Collections.reverse(facts);

        assertThat(history()).isEqualTo(inOrder);
    }
}
