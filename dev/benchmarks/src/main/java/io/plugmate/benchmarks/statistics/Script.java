package io.plugmate.benchmarks.statistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Actions at simulated instants; the run advances the world from one to the next. */
final class Script {

    private final TreeMap<Instant, List<Runnable>> actions = new TreeMap<>();

    void at(Instant when, Runnable action) {
        actions.computeIfAbsent(when, k -> new ArrayList<>()).add(action);
    }

    /** The next instant to advance to: the next action, a day on, or the end, whichever comes first. */
    Instant next(Instant end) {
        Instant now = actions.isEmpty() ? end : actions.firstKey();
        return now.isBefore(end) ? now : end;
    }

    void runDue(Instant now) {
        Map.Entry<Instant, List<Runnable>> due;
        while ((due = actions.firstEntry()) != null && !due.getKey().isAfter(now)) {
            actions.pollFirstEntry();
            due.getValue().forEach(Runnable::run);
        }
    }
}
