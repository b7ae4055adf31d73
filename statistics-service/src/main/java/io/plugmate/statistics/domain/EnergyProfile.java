package io.plugmate.statistics.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * When a session's energy flowed, in 15-minute slots aligned to UTC. Every bucket edge of every resolution in every real
 * time zone falls on such a slot edge (offsets are whole quarter hours), so buckets are sums of slots; an edge inside
 * a slot (a historical offset) splits it in proportion to time. Immutable.
 */
public final class EnergyProfile {

    public static final long SLOT_SECONDS = 900;
    public static final EnergyProfile EMPTY = new EnergyProfile(new TreeMap<>());

    /** One slot: {@code kwh} flowed within [start, start + 15 min). */
    public record Slot(Instant start, double kwh) {
    }

    private final NavigableMap<Long, Double> slots;

    private EnergyProfile(NavigableMap<Long, Double> slots) {
        this.slots = slots;
    }

    public static EnergyProfile of(List<Slot> slots) {
        TreeMap<Long, Double> map = new TreeMap<>();
        for (Slot s : slots) {
            map.merge(slotOf(s.start().getEpochSecond()), s.kwh(), Double::sum);
        }
        return new EnergyProfile(map);
    }

    /** {@code kwh} spread evenly over [from, to]; all of it in from's slot when the interval is empty. */
    public static EnergyProfile spread(Instant from, Instant to, double kwh) {
        return EMPTY.plus(from, to, kwh);
    }

    public EnergyProfile plus(Instant from, Instant to, double kwh) {
        if (kwh == 0) {
            return this;
        }
        TreeMap<Long, Double> map = new TreeMap<>(slots);
        long a = from.toEpochMilli();
        long b = to.toEpochMilli();
        if (b <= a) {
            map.merge(slotOf(from.getEpochSecond()), kwh, Double::sum);
            return new EnergyProfile(map);
        }
        long slotMillis = SLOT_SECONDS * 1000;
        for (long s = Math.floorDiv(a, slotMillis) * slotMillis; s < b; s += slotMillis) {
            long overlap = Math.min(b, s + slotMillis) - Math.max(a, s);
            if (overlap > 0) {
                map.merge(s / 1000, kwh * overlap / (b - a), Double::sum);
            }
        }
        return new EnergyProfile(map);
    }

    public EnergyProfile plus(EnergyProfile other) {
        TreeMap<Long, Double> map = new TreeMap<>(slots);
        other.slots.forEach((k, v) -> map.merge(k, v, Double::sum));
        return new EnergyProfile(map);
    }

    /** The slots that overlap [from, to). */
    public EnergyProfile within(Instant from, Instant to) {
        return new EnergyProfile(new TreeMap<>(slots.subMap(slotOf(from.getEpochSecond()), true,
                to.getEpochSecond() - 1, true)));
    }

    /** The same shape holding {@code total} kWh; null when there is no shape to scale. */
    public EnergyProfile scaledTo(double total) {
        double own = total();
        if (own <= 0) {
            return null;
        }
        TreeMap<Long, Double> map = new TreeMap<>();
        slots.forEach((k, v) -> map.put(k, v * total / own));
        return new EnergyProfile(map);
    }

    public double total() {
        double sum = 0;
        for (double v : slots.values()) {
            sum += v;
        }
        return sum;
    }

    public boolean isEmpty() {
        return slots.isEmpty();
    }

    public List<Slot> slots() {
        List<Slot> list = new ArrayList<>(slots.size());
        for (Map.Entry<Long, Double> e : slots.entrySet()) {
            list.add(new Slot(Instant.ofEpochSecond(e.getKey()), e.getValue()));
        }
        return Collections.unmodifiableList(list);
    }

    static long slotOf(long epochSecond) {
        return Math.floorDiv(epochSecond, SLOT_SECONDS) * SLOT_SECONDS;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnergyProfile other && slots.equals(other.slots);
    }

    @Override
    public int hashCode() {
        return slots.hashCode();
    }

    @Override
    public String toString() {
        return "EnergyProfile" + slots;
    }
}
