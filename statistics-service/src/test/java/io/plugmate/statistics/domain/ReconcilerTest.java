package io.plugmate.statistics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Native wins, the estimate stays as the cross-check, and a native session's energy flows when the charger said. */
class ReconcilerTest {

    static final Instant T0 = Instant.parse("2026-11-24T18:00:00Z");
    static final StatisticsSettings SETTINGS = StatisticsSettings.defaults();
    static final Reconciler RECONCILER = new Reconciler(SETTINGS);

    static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static ChargingSession estimate(Basis basis, String device, int from, int to, double kw) {
        TelemetryRun run = TelemetryRuns.of(TelemetryRunsTest.charging(from, to, 2, kw), SETTINGS).getFirst();
        return ChargingSession.estimated("acme", "u1", basis, device, run);
    }

    /** Plugged in 18:00–07:00 the next morning; the meter counted 22.5 kWh. */
    static final ChargingSession NATIVE = ChargingSession.recorded("acme", "u1", "s1", "c1", at(0), at(13 * 60), 100.0,
            122.5);
    static final List<PairFact> PAIR_ACTIVE = List.of(
            new PairFact(0, at(1), PairFact.Kind.ACTIVATED, "p1", "v1", "c1", 0.8, AttributedBy.DETECTION, null, null),
            new PairFact(1, at(13 * 60), PairFact.Kind.DEACTIVATED, "p1", "v1", "c1", 0, null,
                    "vehicle reported unplugged", null));

    @Test
    void theVehiclesHomeSessionCountsOnceAsNativeAndItsEstimateShowsTheLoss() {
        ChargingSession vehicle = estimate(Basis.VEHICLE_RATE, "v1", 1, 181, 6.9);

        Map<String, ResolvedSession> resolved = RECONCILER.resolve(List.of(NATIVE, vehicle), PAIR_ACTIVE);

        ResolvedSession nativeSession = resolved.get("s1");
        assertThat(nativeSession.attribution().vehicleId()).isEqualTo("v1");
        assertThat(nativeSession.counted(true)).isTrue();
        assertThat(resolved.get(vehicle.id()).supersededBy()).isEqualTo("s1");
        assertThat(resolved.get(vehicle.id()).counted(true)).isFalse();
        assertThat(nativeSession.crossCheck().sessionIds()).containsExactly(vehicle.id());
        assertThat(nativeSession.crossCheck().lossKwh()).isCloseTo(22.5 - vehicle.energyKwh(), within(1e-9));
        assertThat(nativeSession.crossCheck().lossPercent()).isPositive();
    }

    @Test
    void withNativeSessionsOffTheEstimatesCountAndStillOnlyOnce() {
        ChargingSession charger = estimate(Basis.CHARGER_RATE, "c1", 1, 181, 7.5);
        ChargingSession vehicle = estimate(Basis.VEHICLE_RATE, "v1", 1, 181, 6.9);

        Map<String, ResolvedSession> r = RECONCILER.resolve(List.of(NATIVE, charger, vehicle), PAIR_ACTIVE);

        assertThat(r.values().stream().filter(s -> s.counted(true)).map(s -> s.session().id()))
                .containsExactly("s1");
        assertThat(r.values().stream().filter(s -> s.counted(false)).map(s -> s.session().id()))
                .containsExactly(charger.id());
        assertThat(r.get(charger.id()).crossCheck().sessionIds()).containsExactly(vehicle.id());
    }

    @Test
    void aNativeSessionsEnergyFlowsWhenTheChargerReportedPowerNotEvenlyOverThePlugIn() {
        ChargingSession charger = estimate(Basis.CHARGER_RATE, "c1", 0, 180, 7.5);

        ResolvedSession n = RECONCILER.resolve(List.of(NATIVE, charger), PAIR_ACTIVE).get("s1");

        assertThat(n.profile().total()).isCloseTo(22.5, within(1e-9));
        assertThat(n.profile().within(at(200), at(13 * 60)).total()).isZero();
    }

    @Test
    void withoutAnyRateTheNativeEnergyIsSpreadOverThePlugIn() {
        ResolvedSession n = RECONCILER.resolve(List.of(NATIVE), List.of()).get("s1");

        assertThat(n.attribution().status()).isEqualTo(AttributionStatus.GUEST);
        assertThat(n.profile().total()).isCloseTo(22.5, within(1e-9));
        assertThat(n.profile().slots()).hasSize(13 * 4);
    }

    @Test
    void aVehiclesEstimateAtAPublicPostStaysTheVehiclesOwn() {
        ChargingSession publicPost = estimate(Basis.VEHICLE_RATE, "v1", 600, 640, 45.0);

        ResolvedSession r = RECONCILER.resolve(List.of(publicPost), PAIR_ACTIVE).get(publicPost.id());

        assertThat(r.attribution().status()).isEqualTo(AttributionStatus.VEHICLE);
        assertThat(r.counted(true)).isTrue();
        assertThat(r.counted(false)).isTrue();
    }

    @Test
    void aMeterThatWentBackwardsOrWasNotReportedCountsNothing() {
        ChargingSession reset = ChargingSession.recorded("acme", "u1", "s2", "c1", at(0), at(60), 500.0, 3.0);
        ChargingSession blind = ChargingSession.recorded("acme", "u1", "s3", "c1", at(100), at(160), null, null);

        Map<String, ResolvedSession> r = RECONCILER.resolve(List.of(reset, blind), List.of());

        assertThat(r.values()).allSatisfy(s -> assertThat(s.counted(true)).isFalse());
    }
}
