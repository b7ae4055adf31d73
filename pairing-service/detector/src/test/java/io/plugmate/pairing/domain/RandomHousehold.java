package io.plugmate.pairing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceType;
import io.plugmate.events.GeoLocation;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.VehicleStateObserved;

/**
 * A small random household for property tests: 1–2 cars, 1–2 chargers, an evening of plug-ins (some at a charger
 * elsewhere), reports at vendor-like cadences with vehicle clock skew, in delivery order.
 */
final class RandomHousehold {

    private static final Instant START = Instant.parse("2026-03-02T16:00:00Z");
    private static final GeoLocation HOME = new GeoLocation(59.91, 10.75);
    private static final GeoLocation AWAY = new GeoLocation(59.96, 10.62);

    record Delivery(Instant at, PlugmateEvent event) {
    }

    private record Session(String vehicle, String charger, Instant in, Instant chargeFrom, Instant out, double kw) {
    }

    private final SplittableRandom random;
    private final List<Delivery> deliveries = new ArrayList<>();
    private final List<Session> sessions = new ArrayList<>();
    private int ids;

    private RandomHousehold(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** The deliveries in delivery order. */
    static List<Delivery> generate(long seed) {
        return new RandomHousehold(seed).build();
    }

    static List<PlugmateEvent> events(List<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::event).toList();
    }

    private List<Delivery> build() {
        int vehicles = 1 + random.nextInt(2);
        int chargers = 1 + random.nextInt(2);
        for (int v = 1; v <= vehicles; v++) {
            deliveries.add(new Delivery(START, linked(DeviceType.VEHICLE, "v" + v)));
        }
        for (int c = 1; c <= chargers; c++) {
            deliveries.add(new Delivery(START, linked(DeviceType.CHARGER, "c" + c)));
        }
        Instant[] chargerFreeAt = new Instant[chargers + 1];
        for (int v = 1; v <= vehicles; v++) {
            Instant in = START.plusSeconds(600 + random.nextInt(4 * 3600));
            int c = 1 + random.nextInt(chargers);
            boolean free = chargerFreeAt[c] == null || chargerFreeAt[c].isBefore(in);
            Instant out = in.plusSeconds(1800 + random.nextInt(3 * 3600));
            boolean scheduled = random.nextInt(5) == 0;
            Instant chargeFrom = in.plusSeconds(scheduled ? 1800 : 5 + random.nextInt(25));
            double kw = random.nextBoolean() ? 11.0 : 7.4;
            Session s = new Session("v" + v, free ? "c" + c : null, in, chargeFrom, out, kw);
            sessions.add(s);
            if (free) {
                chargerFreeAt[c] = out;
            }
        }
        Instant end = START.plus(Duration.ofHours(9));
        for (int v = 1; v <= vehicles; v++) {
            reportVehicle("v" + v, Duration.ofSeconds(random.nextInt(-60, 61)), end);
        }
        for (int c = 1; c <= chargers; c++) {
            reportCharger("c" + c, end);
        }
        deliveries.sort(Comparator.comparing(Delivery::at));
        return deliveries;
    }

    private void reportVehicle(String id, Duration skew, Instant end) {
        Instant t = START.plusSeconds(random.nextInt(400));
        boolean pushes = random.nextBoolean();
        List<Instant> changes = new ArrayList<>();
        sessions.stream().filter(s -> s.vehicle.equals(id)).forEach(s -> {
            changes.add(s.in);
            changes.add(s.chargeFrom);
            changes.add(s.out);
        });
        while (t.isBefore(end)) {
            Session s = sessionOfVehicle(id, t);
            emitVehicle(id, t, skew, s);
            Instant next = t.plusSeconds(s != null && !t.isBefore(s.chargeFrom) ? 120 : 420);
            for (Instant change : changes) {
                if (change.isAfter(t) && change.isBefore(next)) {
                    next = change.plusSeconds(pushes ? 2 : 60 + random.nextInt(60));
                }
            }
            t = next;
        }
    }

    private void reportCharger(String id, Instant end) {
        Instant t = START.plusSeconds(random.nextInt(300));
        List<Instant> changes = new ArrayList<>();
        sessions.stream().filter(s -> id.equals(s.charger)).forEach(s -> {
            changes.add(s.in);
            changes.add(s.chargeFrom);
            changes.add(s.out);
        });
        while (t.isBefore(end)) {
            Session s = sessionOfCharger(id, t);
            emitCharger(id, t, s);
            Instant next = t.plusSeconds(s != null && !t.isBefore(s.chargeFrom) ? 30 : 300);
            for (Instant change : changes) {
                if (change.isAfter(t) && change.isBefore(next)) {
                    next = change.plusSeconds(1);
                }
            }
            t = next;
        }
    }

    private void emitVehicle(String id, Instant t, Duration skew, Session s) {
        boolean plugged = s != null;
        boolean charging = plugged && !t.isBefore(s.chargeFrom);
        Double rate = charging ? round(s.kw * 0.9 * (1 + (random.nextDouble() - 0.5) * 0.04)) : 0.0;
        GeoLocation where = s != null && s.charger == null ? AWAY : HOME;
        Instant observed = t.plus(skew).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        deliver(t, new VehicleStateObserved(nextId(), 1, Feed.CLIENT, Feed.USER, t, id, "TESLA", observed, plugged,
                charging, rate, 50.0, where));
    }

    private void emitCharger(String id, Instant t, Session s) {
        boolean plugged = s != null;
        boolean charging = plugged && !t.isBefore(s.chargeFrom);
        Double rate = charging ? round(s.kw * (1 + (random.nextDouble() - 0.5) * 0.02)) : 0.0;
        deliver(t, new ChargerStateObserved(nextId(), 1, Feed.CLIENT, Feed.USER, t, id, "WATTBOX",
                t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), plugged, charging, rate, 16.0));
    }

    private void deliver(Instant measured, PlugmateEvent event) {
        deliveries.add(new Delivery(measured.plusMillis(1000 + random.nextInt(4000)), event));
    }

    private Session sessionOfVehicle(String id, Instant t) {
        return sessions.stream().filter(s -> s.vehicle.equals(id) && !t.isBefore(s.in) && t.isBefore(s.out))
                .findFirst().orElse(null);
    }

    private Session sessionOfCharger(String id, Instant t) {
        return sessions.stream().filter(s -> id.equals(s.charger) && !t.isBefore(s.in) && t.isBefore(s.out))
                .findFirst().orElse(null);
    }

    private DeviceLinked linked(DeviceType type, String id) {
        return new DeviceLinked(nextId(), 1, Feed.CLIENT, Feed.USER, START, type, id, "TESLA",
                new DeviceCapabilities(true, true, true, true));
    }

    private UUID nextId() {
        return UUID.nameUUIDFromBytes(("rh-" + ids++).getBytes());
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
