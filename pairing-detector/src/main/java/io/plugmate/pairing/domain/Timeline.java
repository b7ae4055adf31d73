package io.plugmate.pairing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * A device's reports in event-time order, whatever order they arrived in. A report with an event time already known
 * is a duplicate (a re-delivery, or a sleeping car's cloud re-sending its last report) and is ignored. Reports older
 * than {@code recentWindow} before the newest are thinned to the ones around a change of state (so plug-in and
 * charging-start marks survive); which reports survive depends only on the set of reports and the newest event time,
 * never on arrival order, so a re-delivered report that was thinned away is thinned away again.
 */
final class Timeline {

    private static final Comparator<Observation> BY_TIME = Comparator.comparing(Observation::observedAt);

    private final Duration recentWindow;
    private final int capacity;
    private final List<Observation> reports;

    Timeline(Duration recentWindow, int capacity, List<Observation> reports) {
        this.recentWindow = recentWindow;
        this.capacity = capacity;
        this.reports = new ArrayList<>(reports);
        this.reports.sort(BY_TIME);
    }

    List<Observation> reports() {
        return Collections.unmodifiableList(reports);
    }

    /** @return false when the report changes nothing: its event time is known, or it is old and in mid-state */
    boolean add(Observation observation) {
        int at = Collections.binarySearch(reports, observation, BY_TIME);
        if (at >= 0) {
            return false;
        }
        reports.add(-at - 1, observation);
        int before = reports.size();
        thin();
        return reports.size() == before || reports.contains(observation);
    }

    Observation latest() {
        return reports.isEmpty() ? null : reports.getLast();
    }

    /** What the newest report that knows says about the plug; null when no report knows. */
    Boolean plugged() {
        for (int i = reports.size() - 1; i >= 0; i--) {
            if (reports.get(i).plugged() != null) {
                return reports.get(i).plugged();
            }
        }
        return null;
    }

    /** The current plug-in, or null when the newest report says unplugged (or nobody knows). */
    Marks plugIn() {
        int first = firstOfPluggedRun();
        if (first < 0) {
            return null;
        }
        Instant before = null;
        for (int i = first - 1; i >= 0; i--) {
            if (reports.get(i).isUnplugged()) {
                before = reports.get(i).observedAt();
                break;
            }
        }
        return new Marks(before, reports.get(first).observedAt());
    }

    /** The first charging start within the current plug-in, or null when it has not charged (yet). */
    Marks chargingStart() {
        int first = firstOfPluggedRun();
        if (first < 0) {
            return null;
        }
        Instant notCharging = null;
        for (int i = first - 1; i >= 0 && notCharging == null; i--) {
            if (reports.get(i).isUnplugged() || reports.get(i).isNotCharging()) {
                notCharging = reports.get(i).observedAt();
            }
        }
        for (int i = first; i < reports.size(); i++) {
            Observation o = reports.get(i);
            if (o.isCharging()) {
                return new Marks(notCharging, o.observedAt());
            }
            if (o.isNotCharging()) {
                notCharging = o.observedAt();
            }
        }
        return null;
    }

    /** Reports from {@code from} on (inclusive), oldest first. */
    List<Observation> since(Instant from) {
        return reports.subList(indexAtOrAfter(from), reports.size());
    }

    /** Reports within [from, to], oldest first. */
    List<Observation> between(Instant from, Instant to) {
        int start = indexAtOrAfter(from);
        int end = start;
        while (end < reports.size() && !reports.get(end).observedAt().isAfter(to)) {
            end++;
        }
        return reports.subList(start, end);
    }

    /** The latest plug-in that has ended: its first plugged and its first unplugged report; null if none. */
    Marks lastEndedPlugIn() {
        int plugged = reports.size() - 1;
        while (plugged >= 0 && !reports.get(plugged).isPlugged()) {
            plugged--;
        }
        int unplugged = plugged + 1;
        while (unplugged < reports.size() && !reports.get(unplugged).isUnplugged()) {
            unplugged++;
        }
        if (plugged < 0 || unplugged >= reports.size()) {
            return null;
        }
        int first = plugged;
        for (int i = plugged - 1; i >= 0 && !reports.get(i).isUnplugged(); i--) {
            first = reports.get(i).isPlugged() ? i : first;
        }
        return new Marks(reports.get(first).observedAt(), reports.get(unplugged).observedAt());
    }

    /** The first report after {@code after} saying unplugged, or null. */
    Instant firstUnpluggedAfter(Instant after) {
        for (Observation o : since(after)) {
            if (o.isUnplugged()) {
                return o.observedAt();
            }
        }
        return null;
    }

    private int firstOfPluggedRun() {
        int first = -1;
        for (int i = reports.size() - 1; i >= 0; i--) {
            Observation o = reports.get(i);
            if (o.isUnplugged()) {
                break;
            }
            if (o.isPlugged()) {
                first = i;
            }
        }
        return first;
    }

    private int indexAtOrAfter(Instant from) {
        int lo = 0;
        int hi = reports.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (reports.get(mid).observedAt().isBefore(from)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void thin() {
        Instant horizon = reports.getLast().observedAt().minus(recentWindow);
        for (int i = reports.size() - 2; i >= 1; i--) {
            Observation o = reports.get(i);
            if (o.observedAt().isBefore(horizon) && o.sameStateAs(reports.get(i - 1))
                    && o.sameStateAs(reports.get(i + 1))) {
                reports.remove(i);
            }
        }
        while (reports.size() > capacity) {
            reports.removeFirst(); // a device flapping without end: keep memory bounded
        }
    }
}
