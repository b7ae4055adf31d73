package io.plugmate.benchmarks.scenarios;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.plugmate.benchmarks.generate.Scenario;
import io.plugmate.benchmarks.generate.World;
import io.plugmate.simulator.domain.FleetConfig;
import io.plugmate.simulator.domain.HouseholdSpec;
import io.plugmate.simulator.domain.Vendor;

/**
 * The benchmark's scenario classes and their sizes: together ~17,000 plug sessions at linked home chargers, generated
 * and scored in a few minutes on a 2-core machine; {@code scale} multiplies the number of households of every class.
 */
public final class ScenarioCatalog {

    private static final Duration TWO_WEEKS = Duration.ofDays(14);
    private static final Duration TEN_DAYS = Duration.ofDays(10);

    private ScenarioCatalog() {
    }

    public static List<Scenario> all(double scale) {
        List<Scenario> all = new ArrayList<>();
        all.add(mixed("single", "1 car, 1 wallbox, vendors that report everything", scale, ScenarioCatalog::plain,
                c -> c));
        all.add(new MultiVehicleScenario(n(20, scale), n(14, scale), TEN_DAYS));
        all.add(mixed("sleepy", "DORMIO cars: asleep when idle, stale re-sends, plug-in seen 2-6 min late", scale,
                w -> spec(w, List.of(Vendor.DORMIO), List.of(w.pick(Vendors.PLAIN_CHARGERS))), c -> c));
        all.add(mixed("no-charge-rate", "VOLTRA car and/or ZAPLINE wallbox: no charge-rate correlation", scale,
                ScenarioCatalog::withoutChargeRate, c -> c));
        all.add(mixed("no-gps", "NORDAUTO cars (no location), a quarter of the autonomous households with a second car",
                scale, ScenarioCatalog::withoutGps, c -> c));
        all.add(new GuestWhileAwayScenario(n(50, scale), TWO_WEEKS));
        all.add(new ScheduledStartScenario(n(30, scale), TEN_DAYS));
        all.add(new PauseResumeScenario(n(24, scale), TEN_DAYS));
        all.add(mixed("late-and-duplicate", "25 % of reports 1-10 min late, 25 % delivered twice", scale,
                ScenarioCatalog::plain, c -> c.withDelivery(0.25, 0.25)));
        all.add(new SimultaneousScenario(n(15, scale), TEN_DAYS));
        // the situations of issue 11
        all.add(new LookAlikesScenario(n(15, scale), TEN_DAYS));
        all.add(new SecondCarElsewhereScenario(n(15, scale), TEN_DAYS));
        all.add(new SkewedClocksScenario(n(20, scale), n(16, scale), TWO_WEEKS));
        all.add(new NewUserAwayScenario(n(60, scale), Duration.ofDays(3)));
        all.add(CatchingUpScenario.chargerTopicBehind(mixed("single", "", scale, ScenarioCatalog::plain, c -> c),
                Duration.ofMinutes(4)));
        return all;
    }

    /** 20 autonomous households for the everyday shape, 16 busy ones for volume, two weeks. */
    private static Scenario mixed(String name, String description, double scale,
            Function<World, HouseholdSpec> makeUp, Function<FleetConfig, FleetConfig> config) {
        return new MixedScenario(name, description, n(20, scale), n(16, scale), TWO_WEEKS, makeUp, config);
    }

    private static HouseholdSpec plain(World w) {
        return spec(w, List.of(w.pick(Vendors.PLAIN_VEHICLES)), List.of(w.pick(Vendors.PLAIN_CHARGERS)));
    }

    private static HouseholdSpec withoutChargeRate(World w) {
        return switch (w.random().nextInt(3)) {
            case 0 -> spec(w, List.of(Vendor.VOLTRA), List.of(w.pick(Vendors.PLAIN_CHARGERS)));
            case 1 -> spec(w, List.of(w.pick(Vendors.PLAIN_VEHICLES)), List.of(Vendor.ZAPLINE));
            default -> spec(w, List.of(Vendor.VOLTRA), List.of(Vendor.ZAPLINE));
        };
    }

    private static HouseholdSpec withoutGps(World w) {
        if (w.random().nextDouble() < 0.75) {
            return spec(w, List.of(Vendor.NORDAUTO), List.of(w.pick(Vendors.PLAIN_CHARGERS)));
        }
        Vendor second = w.random().nextBoolean() ? Vendor.NORDAUTO : w.pick(Vendors.PLAIN_VEHICLES);
        return spec(w, List.of(Vendor.NORDAUTO, second), w.random().nextBoolean()
                ? List.of(w.pick(Vendors.PLAIN_CHARGERS))
                : List.of(w.pick(Vendors.PLAIN_CHARGERS), w.pick(Vendors.PLAIN_CHARGERS)));
    }

    private static HouseholdSpec spec(World w, List<Vendor> vehicles, List<Vendor> chargers) {
        return new HouseholdSpec(vehicles, chargers, true, null);
    }

    private static int n(int households, double scale) {
        return Math.max(1, (int) Math.round(households * scale));
    }
}
