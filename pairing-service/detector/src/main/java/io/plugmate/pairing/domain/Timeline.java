package io.plugmate.pairing.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import io.plugmate.events.GeoLocation;

/**
 * A device's reports in event-time order, whatever order they arrived in. A report equal to one already known is a
 * duplicate (a re-delivery, or a sleeping car's cloud re-sending its last report) and is ignored; a different report of
 * the same second is kept after the others of that second, in the order it was taken. Reports older
 * than {@code recentWindow} before the newest are thinned to the ones around a change of state (so plug-in and
 * charging-start marks survive) and one every {@code maxGap}; which reports survive depends only on the set of reports and the
 * newest event time,
 * never on arrival order, so a re-delivered report that was thinned away is thinned away again.
 */
final class Timeline {

    private static final Comparator<Observation> BY_TIME = Comparator.comparing(Observation::observedAt);

    private final Duration recentWindow;
    private final Duration maxGap;
    /** Older reports only matter for the current plug-in's start. */
    private final Duration memory;
    private final int capacity;
    private final List<Observation> reports;

    /** Thinning never leaves a gap longer than the settings' silence (so it cannot fake one). */
    Timeline(DetectorSettings.Reports settings, List<Observation> reports) {
        this.recentWindow = settings.recentWindow();
        this.maxGap = settings.silence();
        this.memory = settings.memory();
        this.capacity = settings.capacity();
        this.reports = new ArrayList<>(reports);
        this.reports.sort(BY_TIME);
    }

    List<Observation> reports() {
        return Collections.unmodifiableList(reports);
    }

    /** @return false when the report changes nothing: the same report is known, or it is old and in mid-state */
    boolean add(Observation observation) {
        // the same second as a kept report: the same report again is a duplicate; another one (a plug-in and its
        // unplug, or a command's effect, in one second) goes after those of its second, in the order the reports
        // were taken (ADR 0018), so that the later one is the device's state — unless it says what the device
        // said before that second while the second already holds the change: then it is a reading taken before
        // the change (a poll answered before a push, times in whole seconds) and goes first, so the change stays
        // the state (a cable out and in again within one second does not happen)
        int first = indexAtOrAfter(observation.observedAt());
        int end = endOfSecond(first);
        if (reports.subList(first, end).contains(observation)) {
            return false;
        }
        reports.add(readBeforeTheChange(observation, first, end) ? first : end, observation);
        int before = reports.size();
        thin();
        return reports.size() == before || reports.contains(observation);
    }

    /**
     * The report repeats the plug state from before its second, which a report of that second has changed (reports
     * whose plug state is unknown take no part).
     */
    private boolean readBeforeTheChange(Observation report, int first, int end) {
        if (first == 0 || report.plugged() == null || reports.get(first - 1).plugged() == null) {
            return false;
        }
        Boolean before = reports.get(first - 1).plugged();
        return report.plugged().equals(before) && reports.subList(first, end).stream()
                .anyMatch(r -> r.plugged() != null && !r.plugged().equals(before));
    }

    /** Whether this report (its event time and content) is kept. */
    boolean has(Observation report) {
        int first = indexAtOrAfter(report.observedAt());
        return reports.subList(first, endOfSecond(first)).contains(report);
    }

    /** Past the last report with the same event time as the one at {@code first}. */
    private int endOfSecond(int first) {
        int end = first;
        while (end < reports.size() && reports.get(end).observedAt().equals(reports.get(first).observedAt())) {
            end++;
        }
        return end;
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
        return plugIn(null);
    }

    /**
     * The current plug-in as far as the reports can tell. With {@code silence}, a gap longer than that between two
     * plugged reports counts as "anything may have happened": a sleeping car's cloud keeps saying plugged in through
     * an unplug and a new plug-in, so the plug-in is placed somewhere in the gap.
     */
    Marks plugIn(Duration silence) {
        int first = firstOfPluggedRun(silence);
        if (first < 0) {
            return null;
        }
        Instant before = null;
        for (int i = first - 1; i >= 0 && before == null; i--) {
            if (reports.get(i).isUnplugged() || cutBySilence(i, silence)) {
                before = reports.get(i).observedAt();
            }
        }
        return new Marks(before, reports.get(first).observedAt());
    }

    /** The first charging start within the current plug-in (see {@link #plugIn(Duration)}), or null. */
    Marks chargingStart(Duration silence) {
        int first = firstOfPluggedRun(silence);
        if (first < 0) {
            return null;
        }
        Instant notCharging = null;
        for (int i = first - 1; i >= 0 && notCharging == null; i--) {
            Observation o = reports.get(i);
            if (o.isUnplugged() || o.isNotCharging() || cutBySilence(i, silence)) {
                notCharging = o.observedAt();
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

    /** The latest position reported from {@code from} on; null when none of those reports has one. */
    GeoLocation latestFixSince(Instant from) {
        GeoLocation at = null;
        for (Observation o : since(from)) {
            if (o.location() != null) {
                at = o.location();
            }
        }
        return at;
    }

    /** The reports of the unplugged stretch just before {@code plugIn} (the way there), oldest first. */
    List<Observation> unpluggedBefore(Instant plugIn) {
        int end = indexAtOrAfter(plugIn);
        int start = end;
        while (start > 0 && !reports.get(start - 1).isPlugged()) {
            start--;
        }
        return reports.subList(start, end);
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

    /**
     * The ended plug-in whose first plugged report lies nearest to {@code around}, within {@code tolerance}, even when
     * newer ones have begun since: its first plugged and its first unplugged report; null if none. With {@code around}
     * null, the latest ended plug-in. Only plug-ins whose beginning is still known count (see {@link #endedRunBefore}).
     */
    Marks endedPlugInNear(Instant around, Duration tolerance) {
        Marks nearest = null;
        Duration distance = null;
        for (int[] run = endedRunBefore(reports.size()); run != null; run = endedRunBefore(run[0])) {
            Instant first = reports.get(run[0]).observedAt();
            if (around == null) {
                return new Marks(first, reports.get(run[1]).observedAt());
            }
            Duration apart = Duration.between(first, around).abs();
            if (apart.compareTo(tolerance) <= 0 && (distance == null || apart.compareTo(distance) < 0)) {
                nearest = new Marks(first, reports.get(run[1]).observedAt());
                distance = apart;
            }
            if (first.isBefore(around.minus(tolerance))) {
                break;
            }
        }
        return nearest;
    }

    /**
     * The newest run of plugged reports before index {@code end} that began and ended with an unplugged report on
     * either side: {first plugged, first unplugged after it}. A run whose beginning has been forgotten (no unplugged
     * report before it is kept any more) is not one: its first kept report is not its plug-in.
     */
    private int[] endedRunBefore(int end) {
        for (int u = end - 1; u > 0; u--) {
            if (!reports.get(u).isUnplugged()) {
                continue;
            }
            int first = -1;
            int i = u - 1;
            for (; i >= 0 && !reports.get(i).isUnplugged(); i--) {
                first = reports.get(i).isPlugged() ? i : first;
            }
            if (first >= 0) {
                return i >= 0 ? new int[] { first, u } : null;
            }
        }
        return null;
    }

    /** The last report before {@code t}, or null. */
    Observation before(Instant t) {
        int at = indexAtOrAfter(t);
        return at > 0 ? reports.get(at - 1) : null;
    }

    /** The first plugged report of the run of reports without an unplug that ends just before {@code t}, or null. */
    Observation startOfRunBefore(Instant t) {
        Observation first = null;
        for (int i = indexAtOrAfter(t) - 1; i >= 0 && !reports.get(i).isUnplugged(); i--) {
            first = reports.get(i).isPlugged() ? reports.get(i) : first;
        }
        return first;
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

    private int firstOfPluggedRun(Duration silence) {
        int first = -1;
        for (int i = reports.size() - 1; i >= 0; i--) {
            Observation o = reports.get(i);
            if (o.isUnplugged()) {
                break;
            }
            if (o.isPlugged()) {
                first = i;
            }
            if (cutBySilence(i - 1, silence)) {
                break;
            }
        }
        return first;
    }

    /** True when {@code silence} is given and the reports at {@code i} and {@code i + 1} are further apart. */
    private boolean cutBySilence(int i, Duration silence) {
        return silence != null && i >= 0 && i + 1 < reports.size() && Duration
                .between(reports.get(i).observedAt(), reports.get(i + 1).observedAt()).compareTo(silence) > 0;
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
                    && o.sameStateAs(reports.get(i + 1)) && Duration
                            .between(reports.get(i - 1).observedAt(), reports.get(i + 1).observedAt())
                            .compareTo(maxGap) <= 0) {
                reports.remove(i);
            }
        }
        forgetBefore(reports.getLast().observedAt().minus(memory));
        while (reports.size() > capacity) {
            reports.removeFirst(); // a device flapping without end: keep memory bounded
        }
    }

    /** Drops reports older than {@code horizon}, except the start of the current plug-in and the report before it. */
    private void forgetBefore(Instant horizon) {
        int first = firstOfPluggedRun(null);
        int keepFrom = first > 0 ? first - 1 : first;
        while (reports.size() > 2 && reports.getFirst().observedAt().isBefore(horizon) && keepFrom != 0) {
            reports.removeFirst();
            keepFrom = keepFrom > 0 ? keepFrom - 1 : keepFrom;
        }
    }
}
