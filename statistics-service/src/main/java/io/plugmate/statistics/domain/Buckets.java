package io.plugmate.statistics.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Sessions' energy in time buckets, split by when it flowed: every session's 15-minute slots are summed per slot
 * first (power in a slot is the sum of what flowed there), then slots are added to the bucket they fall in; a slot
 * that a bucket edge cuts (only historical offsets do that) is shared in proportion to time. Nothing is lost or
 * counted twice: the buckets' sum is the sessions' total for everything inside the range.
 */
public final class Buckets {

    /** A counted session's flow, named so buckets can count sessions. */
    public record Flow(String sessionId, EnergyProfile profile) {
    }

    private Buckets() {
    }

    /** Buckets from the one holding {@code from} up to the one holding the last instant before {@code to}. */
    public static List<Bucket> of(List<Flow> flows, Instant from, Instant to, Resolution resolution, ZoneId zone) {
        List<Instant> edges = new ArrayList<>();
        Instant edge = resolution.floor(from, zone);
        edges.add(edge);
        while (edge.isBefore(to)) {
            edge = resolution.next(edge, zone);
            edges.add(edge);
        }
        int n = edges.size() - 1;
        double[] kwh = new double[n];
        double[] min = new double[n];
        double[] max = new double[n];
        double[] flowingHours = new double[n];
        List<Set<String>> sessions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            min[i] = Double.POSITIVE_INFINITY;
            sessions.add(new HashSet<>());
        }
        TreeMap<Long, double[]> slots = new TreeMap<>();
        TreeMap<Long, Set<String>> slotSessions = new TreeMap<>();
        for (Flow flow : flows) {
            for (EnergyProfile.Slot s : flow.profile().slots()) {
                slots.computeIfAbsent(s.start().getEpochSecond(), k -> new double[1])[0] += s.kwh();
                if (s.kwh() > 0) {
                    slotSessions.computeIfAbsent(s.start().getEpochSecond(), k -> new HashSet<>()).add(flow.sessionId());
                }
            }
        }
        long first = edges.getFirst().getEpochSecond();
        long last = edges.getLast().getEpochSecond();
        for (Map.Entry<Long, double[]> slot : slots.subMap(first - EnergyProfile.SLOT_SECONDS, false, last, false)
                .entrySet()) {
            long a = slot.getKey();
            long b = a + EnergyProfile.SLOT_SECONDS;
            double energy = slot.getValue()[0];
            double kw = energy * 3600.0 / EnergyProfile.SLOT_SECONDS;
            for (int i = bucketOf(edges, a); i < n && edges.get(i).getEpochSecond() < b; i++) {
                long from2 = Math.max(a, edges.get(i).getEpochSecond());
                long to2 = Math.min(b, edges.get(i + 1).getEpochSecond());
                if (to2 <= from2) {
                    continue;
                }
                double share = (double) (to2 - from2) / EnergyProfile.SLOT_SECONDS;
                kwh[i] += energy * share;
                if (energy > 0) {
                    min[i] = Math.min(min[i], kw);
                    max[i] = Math.max(max[i], kw);
                    flowingHours[i] += (to2 - from2) / 3600.0;
                    sessions.get(i).addAll(slotSessions.getOrDefault(a, Set.of()));
                }
            }
        }
        List<Bucket> buckets = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            boolean flowed = flowingHours[i] > 0;
            buckets.add(new Bucket(edges.get(i), edges.get(i + 1), kwh[i], flowed ? min[i] : 0, flowed ? max[i] : 0,
                    flowed ? kwh[i] / flowingHours[i] : 0, sessions.get(i).size()));
        }
        return buckets;
    }

    /** The bucket holding second {@code t}, or 0 for a slot that begins before the first edge. */
    private static int bucketOf(List<Instant> edges, long t) {
        int lo = 0;
        int hi = edges.size() - 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (edges.get(mid).getEpochSecond() <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
