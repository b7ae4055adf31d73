package io.plugmate.benchmarks.independent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.plugmate.benchmarks.files.TruthInterval;
import io.plugmate.events.GeoLocation;

/**
 * One household's hand-written timeline: its cars and wallboxes with how each reports, and every plug interval —
 * at home, at a public post, a visitor's car on the wallbox — with the power drawn. The reports are derived from it
 * by {@link Reporting}; the plug intervals are the ground truth. Nothing here comes from the simulator or the
 * benchmark's generator: own physics (a flat charge that tapers linearly over its last half hour), own cadences,
 * own clocks.
 */
final class Script {

    /** How a car's cloud reports. */
    record CarKind(String vendor, boolean gps, boolean rates, boolean pushes, boolean sleeps, Duration chargingEvery,
            Duration idleEvery, double onBoardKw) {
    }

    /** How a wallbox's cloud reports. */
    record BoxKind(String vendor, boolean rates, Duration chargingEvery, Duration idleEvery, double maxKw) {
    }

    static final class Car {
        final String id;
        final CarKind kind;
        final Duration clockOff;
        final double efficiency;
        final List<Move> moves = new ArrayList<>();
        GeoLocation home;

        Car(String id, CarKind kind, Duration clockOff, double efficiency, GeoLocation home) {
            this.id = id;
            this.kind = kind;
            this.clockOff = clockOff;
            this.efficiency = efficiency;
            this.home = home;
        }

        /** Where the car is at {@code t}: home unless a move says otherwise. */
        GeoLocation at(Instant t) {
            GeoLocation where = home;
            for (Move m : moves) {
                if (!m.at().isAfter(t)) {
                    where = m.to();
                }
            }
            return where;
        }
    }

    static final class Box {
        final String id;
        final BoxKind kind;

        Box(String id, BoxKind kind) {
            this.id = id;
            this.kind = kind;
        }
    }

    /** The car arrives at {@code to} at {@code at} (and stays until its next move). */
    record Move(Instant at, GeoLocation to) {
    }

    /**
     * A car on a charger from {@code in} to {@code out}, drawing {@code kw} at the wall once charging starts
     * ({@code startAfter} after the plug-in), tapering to nothing over the last {@code taper} before {@code fullAt};
     * {@code box} null for a public post, {@code car} null for a visitor's car (unknown to the platform).
     */
    record Plug(Car car, String visitorId, Box box, String publicId, Instant in, Instant out, double kw,
            Duration startAfter, Instant fullAt, Duration taper) {

        boolean covers(Instant t) {
            return !t.isBefore(in) && t.isBefore(out);
        }

        /** The power at the wall at {@code t}, zero before charging starts and once full. */
        double wallKw(Instant t) {
            if (!covers(t) || t.isBefore(in.plus(startAfter)) || !t.isBefore(fullAt)) {
                return 0;
            }
            Instant taperFrom = fullAt.minus(taper);
            if (t.isBefore(taperFrom)) {
                return kw;
            }
            double left = Duration.between(t, fullAt).toSeconds() / (double) taper.toSeconds();
            return Math.max(0.8, kw * left);
        }
    }

    final String id;
    final Random random;
    final Instant start;
    final Instant end;
    final GeoLocation home;
    final List<Car> cars = new ArrayList<>();
    final List<Box> boxes = new ArrayList<>();
    final List<Plug> plugs = new ArrayList<>();
    private int visitors;

    Script(String id, Random random, Instant start, Instant end) {
        this.id = id;
        this.random = random;
        this.start = start;
        this.end = end;
        // somewhere in southern Scandinavia: a city block per household
        this.home = new GeoLocation(57 + random.nextDouble() * 4, 9 + random.nextDouble() * 8);
    }

    Car car(CarKind kind, Duration clockOff) {
        Car car = new Car(id + "-car" + (cars.size() + 1), kind, clockOff, 0.86 + random.nextDouble() * 0.08, home);
        cars.add(car);
        return car;
    }

    Box box(BoxKind kind) {
        Box box = new Box(id + "-box" + (boxes.size() + 1), kind);
        boxes.add(box);
        return box;
    }

    /** A place {@code km} from home, in a random direction. */
    GeoLocation away(double km) {
        double bearing = random.nextDouble() * 2 * Math.PI;
        double dLat = km / 111.0 * Math.cos(bearing);
        double dLon = km / (111.0 * Math.cos(Math.toRadians(home.latitude()))) * Math.sin(bearing);
        return new GeoLocation(home.latitude() + dLat, home.longitude() + dLon);
    }

    void move(Car car, Instant at, GeoLocation to) {
        car.moves.add(new Move(at, to));
        car.moves.sort((a, b) -> a.at().compareTo(b.at()));
    }

    /** The car on a wallbox of the household. */
    Plug home(Car car, Box box, Instant in, Instant out, Duration startAfter) {
        return add(new Plug(car, null, box, null, in, out, Math.min(car.kind.onBoardKw(), box.kind.maxKw()),
                startAfter, full(in.plus(startAfter), out), Duration.ofMinutes(30)));
    }

    /** The car on a public post of {@code kw}. */
    Plug publicPost(Car car, Instant in, Instant out, double kw) {
        return add(new Plug(car, null, null, id + "-post-" + plugs.size(), in, out, Math.min(car.kind.onBoardKw(), kw),
                Duration.ofSeconds(5 + random.nextInt(20)), full(in, out), Duration.ofMinutes(30)));
    }

    /** A visitor's car, unknown to the platform, on a wallbox of the household, drawing {@code kw}. */
    Plug visitor(Box box, Instant in, Instant out, double kw) {
        return add(new Plug(null, id + "-visitor" + (++visitors), box, null, in, out, Math.min(kw, box.kind.maxKw()),
                Duration.ofSeconds(5 + random.nextInt(20)), full(in, out), Duration.ofMinutes(30)));
    }

    /** When a session would be full: two to six hours of charging, often after the unplug. */
    private Instant full(Instant chargingFrom, Instant out) {
        Instant full = chargingFrom.plus(Duration.ofMinutes(120 + random.nextInt(240)));
        return full.isAfter(out) ? out.plusSeconds(1) : full;
    }

    private Plug add(Plug plug) {
        plugs.add(plug);
        return plug;
    }

    /** The ground truth: HOME for a car of the household on its wallbox, PUBLIC, GUEST. */
    List<TruthInterval> truth() {
        List<TruthInterval> truth = new ArrayList<>();
        for (Plug p : plugs) {
            Instant out = p.out().isAfter(end) ? null : p.out();
            if (p.car() == null) {
                truth.add(new TruthInterval(TruthInterval.Kind.GUEST, p.visitorId(), p.box().id, id, p.in(), out));
            } else if (p.box() == null) {
                truth.add(new TruthInterval(TruthInterval.Kind.PUBLIC, p.car().id, "public:" + p.publicId(), id,
                        p.in(), out));
            } else {
                truth.add(new TruthInterval(TruthInterval.Kind.HOME, p.car().id, p.box().id, id, p.in(), out));
            }
        }
        return truth;
    }

    Instant minutes(Instant from, int min, int max) {
        return from.plusSeconds(min * 60L + random.nextInt(Math.max(1, (max - min) * 60)));
    }
}
