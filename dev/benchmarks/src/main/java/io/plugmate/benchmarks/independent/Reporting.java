package io.plugmate.benchmarks.independent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;

import io.plugmate.benchmarks.files.ScenarioRecord;
import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceType;
import io.plugmate.events.GeoLocation;
import io.plugmate.events.Topics;
import io.plugmate.events.VehicleStateObserved;

/**
 * Turns a {@link Script} into what the device services would publish: a {@code DeviceLinked} per device, then each
 * device's reports — on its cadence, on every change of plug or charging state when its cloud pushes, with its own
 * clock, a little noise, a few seconds of delivery, now and then minutes late or twice. A sleepy car says nothing
 * while asleep except its cloud's stale copy of its last report, and wakes minutes after a plug-in.
 */
final class Reporting {

    private static final String CLIENT = "check-client";
    /** A sleepy car falls asleep this long after its last change while not charging. */
    private static final Duration NAPS_AFTER = Duration.ofMinutes(20);

    private final Script script;
    private final Random random;
    private final String situation;
    private final List<Delivered> out = new ArrayList<>();
    private long sequence;

    /** A record with the instant it reaches the platform (its {@code occurredAt}). */
    record Delivered(Instant at, long order, ScenarioRecord record) {
    }

    Reporting(String situation, Script script) {
        this.situation = situation;
        this.script = script;
        this.random = new Random(script.random.nextLong());
    }

    /** Every record of the household, in delivery order. */
    List<Delivered> records(Instant linkedAt) {
        for (Script.Car car : script.cars) {
            add(linkedAt, new ScenarioRecord(Topics.DEVICE_LIFECYCLE, script.id, new DeviceLinked(id(), 1, CLIENT,
                    script.id, linkedAt, DeviceType.VEHICLE, car.id, car.kind.vendor(), new DeviceCapabilities(true,
                            true, false, car.kind.gps()))));
        }
        for (Script.Box box : script.boxes) {
            add(linkedAt, new ScenarioRecord(Topics.DEVICE_LIFECYCLE, script.id, new DeviceLinked(id(), 1, CLIENT,
                    script.id, linkedAt, DeviceType.CHARGER, box.id, box.kind.vendor(), new DeviceCapabilities(true,
                            true, true, false))));
        }
        script.cars.forEach(this::car);
        script.boxes.forEach(this::box);
        out.sort(Comparator.comparing(Delivered::at).thenComparingLong(Delivered::order));
        return out;
    }

    private void car(Script.Car car) {
        TreeSet<Instant> changes = new TreeSet<>();
        for (Script.Plug p : script.plugs) {
            if (p.car() == car) {
                changes.add(p.in());
                changes.add(p.in().plus(p.startAfter()));
                changes.add(p.fullAt());
                changes.add(p.out());
            }
        }
        Instant t = script.start.plusSeconds(random.nextInt((int) car.kind.idleEvery().toSeconds()));
        Instant lastChange = script.start;
        VehicleStateObserved lastReport = null;
        while (t.isBefore(script.end)) {
            Script.Plug plug = plugOf(car, t);
            boolean charging = plug != null && plug.wallKw(t) > 0;
            boolean asleep = car.kind.sleeps() && !charging && t.isAfter(lastChange.plus(NAPS_AFTER));
            Instant change = changes.higher(t);
            if (asleep) {
                // the cloud re-sends its stale copy now and then; the car wakes a few minutes after a plug-in
                if (lastReport != null && random.nextInt(3) == 0) {
                    deliver(t, lastReport.observedAt(), lastReport);
                }
                Instant next = t.plus(Duration.ofMinutes(10));
                if (change != null && change.isBefore(next)) {
                    lastChange = change;
                    next = change.plusSeconds(180 + random.nextInt(360));
                }
                t = next;
                continue;
            }
            lastReport = vehicleReport(car, plug, t, charging);
            deliver(t, lastReport.observedAt(), lastReport);
            Duration every = charging ? car.kind.chargingEvery() : car.kind.idleEvery();
            Instant next = t.plus(jitter(every));
            if (change != null && change.isBefore(next)) {
                lastChange = change;
                next = car.kind.pushes() ? change.plusSeconds(1 + random.nextInt(8))
                        : max(change, t.plus(every.dividedBy(2))).plusSeconds(random.nextInt(60));
            }
            t = next;
        }
    }

    private void box(Script.Box box) {
        TreeSet<Instant> changes = new TreeSet<>();
        for (Script.Plug p : script.plugs) {
            if (p.box() == box) {
                changes.add(p.in());
                changes.add(p.in().plus(p.startAfter()));
                changes.add(p.fullAt());
                changes.add(p.out());
            }
        }
        Instant t = script.start.plusSeconds(random.nextInt((int) box.kind.idleEvery().toSeconds()));
        while (t.isBefore(script.end)) {
            Script.Plug plug = plugOf(box, t);
            double wall = plug == null ? 0 : plug.wallKw(t);
            Double rate = box.kind.rates() ? round(wall * (1 + (random.nextDouble() - 0.5) * 0.02)) : null;
            ChargerStateObserved report = new ChargerStateObserved(id(), 1, CLIENT, script.id, null, box.id,
                    box.kind.vendor(), t.truncatedTo(ChronoUnit.SECONDS), plug != null, wall > 0, rate, 16.0);
            deliver(t, report.observedAt(), report);
            Instant next = t.plus(jitter(wall > 0 ? box.kind.chargingEvery() : box.kind.idleEvery()));
            Instant change = changes.higher(t);
            if (change != null && change.isBefore(next)) {
                next = change.plusSeconds(1 + random.nextInt(4)); // wallboxes push every change
            }
            t = next;
        }
    }

    private VehicleStateObserved vehicleReport(Script.Car car, Script.Plug plug, Instant t, boolean charging) {
        Double rate = null;
        if (car.kind.rates()) {
            rate = charging ? round(plug.wallKw(t) * car.efficiency * (1 + (random.nextDouble() - 0.5) * 0.05))
                    : 0.0;
        }
        GeoLocation where = null;
        if (car.kind.gps()) {
            GeoLocation at = car.at(t);
            double noise = 0.00015;
            where = new GeoLocation(at.latitude() + (random.nextDouble() - 0.5) * noise,
                    at.longitude() + (random.nextDouble() - 0.5) * noise);
        }
        Instant observed = t.plus(car.clockOff).truncatedTo(ChronoUnit.SECONDS);
        return new VehicleStateObserved(id(), 1, CLIENT, script.id, null, car.id, car.kind.vendor(), observed,
                plug != null, charging, rate, 50.0, where);
    }

    /** Delivers a report measured at {@code t} (true time) a few seconds later, sometimes minutes, sometimes twice. */
    private void deliver(Instant t, Instant observedAt, Object report) {
        Instant at = t.plusMillis(1500 + random.nextInt(12_000));
        if (random.nextInt(100) < 4) {
            at = at.plusSeconds(60 + random.nextInt(420));
        }
        add(at, record(report, at));
        if (random.nextInt(100) < 2) {
            Instant again = at.plusSeconds(5 + random.nextInt(120));
            add(again, record(report, again));
        }
    }

    private ScenarioRecord record(Object report, Instant deliveredAt) {
        return switch (report) {
            case VehicleStateObserved v -> new ScenarioRecord(Topics.VEHICLE_STATE, script.id,
                    new VehicleStateObserved(id(), 1, CLIENT, script.id, deliveredAt, v.vehicleId(), v.vendor(),
                            v.observedAt(), v.isPluggedIn(), v.isCharging(), v.chargeRateKw(), v.batteryLevel(),
                            v.location()));
            case ChargerStateObserved c -> new ScenarioRecord(Topics.CHARGER_STATE, script.id,
                    new ChargerStateObserved(id(), 1, CLIENT, script.id, deliveredAt, c.chargerId(), c.vendor(),
                            c.observedAt(), c.isPluggedIn(), c.isCharging(), c.chargeRateKw(), c.maxCurrentA()));
            default -> throw new IllegalArgumentException(String.valueOf(report));
        };
    }

    private Script.Plug plugOf(Script.Car car, Instant t) {
        return script.plugs.stream().filter(p -> p.car() == car && p.covers(t)).findFirst().orElse(null);
    }

    private Script.Plug plugOf(Script.Box box, Instant t) {
        return script.plugs.stream().filter(p -> p.box() == box && p.covers(t)).findFirst().orElse(null);
    }

    private Duration jitter(Duration every) {
        return Duration.ofMillis((long) (every.toMillis() * (0.85 + random.nextDouble() * 0.3)));
    }

    private void add(Instant at, ScenarioRecord record) {
        out.add(new Delivered(at, out.size(), record));
    }

    private UUID id() {
        return UUID.nameUUIDFromBytes(("check\u001f" + situation + '\u001f' + script.id + '\u001f' + (++sequence))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
