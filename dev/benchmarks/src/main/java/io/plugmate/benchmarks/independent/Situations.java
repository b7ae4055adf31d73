package io.plugmate.benchmarks.independent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;

import io.plugmate.events.GeoLocation;
import io.plugmate.events.Topics;

/**
 * The twelve situations of the independent check (issue 11): the seven the issue names, and five of everyday life.
 * Each is a script per household, written against {@link Script}; the vendors' names are invented and their habits
 * are their own (see {@link Kinds}).
 */
final class Situations {

    /** How the invented vendors' clouds report. */
    static final class Kinds {
        static final Script.CarKind PUSHING = new Script.CarKind("NORTHWIND", true, true, true, false,
                Duration.ofSeconds(150), Duration.ofMinutes(10), 11);
        static final Script.CarKind POLLED = new Script.CarKind("KESTREL", true, true, false, false,
                Duration.ofMinutes(3), Duration.ofMinutes(12), 11);
        static final Script.CarKind POLLED_SMALL = new Script.CarKind("KESTREL", true, true, false, false,
                Duration.ofMinutes(3), Duration.ofMinutes(12), 7.4);
        static final Script.CarKind NO_GPS = new Script.CarKind("BRISA", false, true, false, false,
                Duration.ofMinutes(3), Duration.ofMinutes(12), 11);
        static final Script.CarKind NO_GPS_SMALL = new Script.CarKind("BRISA", false, true, false, false,
                Duration.ofMinutes(3), Duration.ofMinutes(12), 7.4);
        static final Script.CarKind NO_RATES = new Script.CarKind("TUNDRA", true, false, false, false,
                Duration.ofMinutes(4), Duration.ofMinutes(15), 11);
        static final Script.CarKind SLEEPY = new Script.CarKind("MOSS", true, true, false, true,
                Duration.ofMinutes(4), Duration.ofMinutes(15), 11);
        static final Script.BoxKind HEARTH = new Script.BoxKind("HEARTH", true, Duration.ofSeconds(60),
                Duration.ofMinutes(8), 11);
        static final Script.BoxKind VOLTPOST = new Script.BoxKind("VOLTPOST", true, Duration.ofSeconds(90),
                Duration.ofMinutes(10), 22);
        static final Script.BoxKind PLAINBOX = new Script.BoxKind("PLAINBOX", false, Duration.ofSeconds(60),
                Duration.ofMinutes(10), 11);

        private Kinds() {
        }
    }

    /** One situation: its name, what it is, how many households for how long, and each household's script. */
    record Situation(String name, String description, int households, int days, BiConsumer<Script, Integer> script,
            String laggingTopic, Duration lag) {

        Duration consumerLag(String topic) {
            return topic.equals(laggingTopic) ? lag : Duration.ZERO;
        }
    }

    private Situations() {
    }

    static List<Situation> all(double scale) {
        return List.of(
                situation("visitor-at-public-post", "own car at an 11 kW public post, a visitor's car drawing 7.4 kW"
                        + " from the wallbox in the same minutes (half the cars without GPS)", scale,
                        Situations::visitorWhileAtPublicPost),
                situation("second-car-elsewhere", "one car into the wallbox, the household's other (7.4 kW) car into"
                        + " a public post within +-3 min", scale, Situations::secondCarElsewhere),
                situation("new-user-drove-away", "a new user's car stood at home all night (GPS), drives 11 km, plugs"
                        + " in as a visitor takes the wallbox at the same power", scale, Situations::newUserDroveAway),
                situation("look-alikes", "two cars of one model without GPS, one into the wallbox, one into an 11 kW"
                        + " post within a minute", scale, Situations::lookAlikes),
                situation("skewed-clock", "a car without GPS whose clock is 90-180 s off", scale,
                        Situations::skewedClock),
                situation("two-and-two", "two cars (11 and 7.4 kW) into the household's two wallboxes within 2 min",
                        scale, Situations::twoAndTwo),
                new Situation("catching-up", "everyday sessions, the charger-state consumer 5 min behind",
                        n(50, scale), 4, Situations::everyday, Topics.CHARGER_STATE, Duration.ofMinutes(5)),
                situation("everyday", "one car, one wallbox, evening to morning", scale, Situations::everyday),
                situation("sleepy-car", "a car that sleeps when idle: plug-in seen 3-9 min late, stale re-sends",
                        scale, Situations::sleepyCar),
                situation("no-rates", "the car, the wallbox or both without a charge rate", scale, Situations::noRates),
                situation("scheduled-start", "plugged in at dinner, charging from 3-5 h later", scale,
                        Situations::scheduledStart),
                situation("hand-over", "two cars share one wallbox, the second 2-8 min after the first leaves", scale,
                        Situations::handOver));
    }

    private static Situation situation(String name, String description, double scale,
            BiConsumer<Script, Integer> script) {
        return new Situation(name, description, n(50, scale), 4, script, null, Duration.ZERO);
    }

    private static int n(int households, double scale) {
        return Math.max(1, (int) Math.round(households * scale));
    }

    // --- the situations ---------------------------------------------------------------------------------------------

    static void everyday(Script s, int index) {
        Script.CarKind kind = List.of(Kinds.PUSHING, Kinds.POLLED, Kinds.NO_GPS).get(index % 3);
        Script.Car car = s.car(kind, clock(s, 40));
        Script.Box box = s.box(index % 2 == 0 ? Kinds.HEARTH : Kinds.VOLTPOST);
        evenings(s, car, box, Duration.ZERO);
    }

    static void visitorWhileAtPublicPost(Script s, int index) {
        Script.Car car = s.car(index % 2 == 0 ? Kinds.POLLED : Kinds.NO_GPS, clock(s, 40));
        Script.Box box = s.box(Kinds.HEARTH);
        evenings(s, car, box, Duration.ZERO);
        for (int day = 1; day < days(s); day++) {
            Instant in = s.minutes(day(s, day), 10 * 60, 13 * 60);
            s.publicPost(car, in, s.minutes(in, 50, 150), 11);
            s.visitor(box, s.minutes(in.minusSeconds(180), 0, 6), s.minutes(in, 60, 170), 7.4);
        }
    }

    static void secondCarElsewhere(Script s, int index) {
        Script.Car first = s.car(index % 2 == 0 ? Kinds.POLLED : Kinds.NO_GPS, clock(s, 40));
        Script.Car second = s.car(index % 2 == 0 ? Kinds.POLLED_SMALL : Kinds.NO_GPS_SMALL, clock(s, 40));
        Script.Box box = s.box(Kinds.HEARTH);
        evenings(s, first, box, Duration.ZERO);
        for (int day = 0; day < days(s); day++) {
            Script.Plug home = s.plugs.stream().filter(p -> p.car() == first && p.box() != null).toList().get(day);
            Instant in = s.minutes(home.in().minusSeconds(180), 0, 6);
            s.move(second, in.minusSeconds(600), s.away(3 + s.random.nextInt(10)));
            s.publicPost(second, in, s.minutes(in, 30, 100), 22);
            s.move(second, s.minutes(in, 110, 130), s.home);
        }
    }

    static void newUserDroveAway(Script s, int index) {
        Script.Car car = s.car(Kinds.POLLED, clock(s, 40));
        Script.Box box = s.box(Kinds.HEARTH);
        // the first morning: all night at home (nothing plugged), then 11 km away and into a public post
        Instant in = s.minutes(day(s, 0), 8 * 60, 9 * 60);
        s.move(car, in.minusSeconds(1800), s.away(11));
        s.publicPost(car, in, s.minutes(in, 60, 150), 11);
        s.visitor(box, s.minutes(in.minusSeconds(60), 0, 2), s.minutes(in, 60, 170), 11);
        evenings(s, car, box, Duration.ZERO);
    }

    static void lookAlikes(Script s, int index) {
        Script.Car a = s.car(Kinds.NO_GPS, clock(s, 40));
        Script.Car b = s.car(Kinds.NO_GPS, clock(s, 40));
        Script.Box box = s.box(Kinds.HEARTH);
        for (int day = 0; day < days(s); day++) {
            boolean aHome = s.random.nextBoolean();
            Instant in = s.minutes(day(s, day), 17 * 60, 19 * 60);
            Instant other = s.minutes(in.minusSeconds(60), 0, 2);
            s.home(aHome ? a : b, box, in, s.minutes(in, 90, 240), Duration.ofSeconds(10));
            s.publicPost(aHome ? b : a, other, s.minutes(other, 60, 200), 11);
        }
    }

    static void skewedClock(Script s, int index) {
        int off = 90 + s.random.nextInt(91);
        Script.Car car = s.car(Kinds.NO_GPS, Duration.ofSeconds(s.random.nextBoolean() ? off : -off));
        Script.Box box = s.box(index % 2 == 0 ? Kinds.HEARTH : Kinds.VOLTPOST);
        evenings(s, car, box, Duration.ZERO);
    }

    static void twoAndTwo(Script s, int index) {
        Script.Car big = s.car(Kinds.POLLED, clock(s, 40));
        Script.Car small = s.car(Kinds.POLLED_SMALL, clock(s, 40));
        Script.Box one = s.box(Kinds.HEARTH);
        Script.Box two = s.box(Kinds.VOLTPOST);
        for (int day = 0; day < days(s); day++) {
            boolean straight = s.random.nextBoolean();
            Instant in = s.minutes(day(s, day), 17 * 60, 19 * 60);
            Instant next = s.minutes(in, 0, 2);
            s.home(big, straight ? one : two, in, s.minutes(in, 120, 600), Duration.ofSeconds(10));
            s.home(small, straight ? two : one, next, s.minutes(next, 120, 600), Duration.ofSeconds(10));
        }
    }

    static void sleepyCar(Script s, int index) {
        Script.Car car = s.car(Kinds.SLEEPY, clock(s, 40));
        evenings(s, car, s.box(Kinds.HEARTH), Duration.ZERO);
    }

    static void noRates(Script s, int index) {
        Script.Car car = s.car(index % 3 == 1 ? Kinds.POLLED : Kinds.NO_RATES, clock(s, 40));
        Script.Box box = s.box(index % 3 == 0 ? Kinds.HEARTH : Kinds.PLAINBOX);
        evenings(s, car, box, Duration.ZERO);
    }

    static void scheduledStart(Script s, int index) {
        Script.Car car = s.car(index % 2 == 0 ? Kinds.PUSHING : Kinds.POLLED, clock(s, 40));
        evenings(s, car, s.box(Kinds.HEARTH), Duration.ofMinutes(180 + s.random.nextInt(120)));
    }

    static void handOver(Script s, int index) {
        Script.Car a = s.car(Kinds.POLLED, clock(s, 40));
        Script.Car b = s.car(index % 2 == 0 ? Kinds.POLLED_SMALL : Kinds.PUSHING, clock(s, 40));
        Script.Box box = s.box(Kinds.HEARTH);
        for (int day = 0; day < days(s); day++) {
            boolean aFirst = s.random.nextBoolean();
            Instant in = s.minutes(day(s, day), 16 * 60 + 30, 18 * 60);
            Instant out = s.minutes(in, 60, 150);
            Instant next = s.minutes(out, 2, 8);
            s.home(aFirst ? a : b, box, in, out, Duration.ofSeconds(10));
            s.home(aFirst ? b : a, box, next, s.minutes(next, 120, 700), Duration.ofSeconds(10));
        }
    }

    // --- building blocks --------------------------------------------------------------------------------------------

    /** A day's commute (away 8-20 km from 08:00 to 17:00) and the evening plug-in at home until the next morning. */
    private static void evenings(Script s, Script.Car car, Script.Box box, Duration startAfter) {
        GeoLocation work = s.away(8 + s.random.nextInt(13));
        for (int day = 0; day < days(s); day++) {
            Instant leave = s.minutes(day(s, day), 7 * 60 + 30, 8 * 60);
            Instant from = day(s, day);
            Instant until = day(s, day + 1);
            boolean busyDay = s.plugs.stream().anyMatch(p -> p.car() == car && p.box() == null
                    && p.in().isAfter(from) && p.in().isBefore(until));
            if (day > 0 || !busyDay) {
                s.move(car, leave, work);
            }
            Instant back = s.minutes(day(s, day), 16 * 60 + 30, 17 * 60 + 15);
            s.move(car, back, s.home);
            Instant in = s.minutes(back, 10, 120);
            Instant out = s.minutes(day(s, day + 1), 6 * 60 + 30, 7 * 60 + 20);
            s.home(car, box, in, out, startAfter.plusSeconds(5 + s.random.nextInt(25)));
        }
    }

    private static Duration clock(Script s, int maxSeconds) {
        return Duration.ofSeconds(s.random.nextInt(-maxSeconds, maxSeconds + 1));
    }

    private static Instant day(Script s, int n) {
        return s.start.plus(Duration.ofDays(n));
    }

    private static int days(Script s) {
        return (int) Duration.between(s.start, s.end).toDays();
    }
}
