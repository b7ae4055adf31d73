package io.plugmate.benchmarks.score;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A stretch of processing time during which a pair was ACTIVE, from its activation to its deactivation. */
record ActiveSpan(String pairId, String vehicleId, String chargerId, Instant from, Instant until) {

    /** The spans in a trace; one still active at the end lasts until {@code worldEnd}. */
    static List<ActiveSpan> of(List<PairChange> changes, Instant worldEnd) {
        List<ActiveSpan> spans = new ArrayList<>();
        Map<String, PairChange> open = new HashMap<>();
        for (PairChange c : changes) {
            String pairId = c.transition().pairId();
            if (c.isActivation()) {
                open.put(pairId, c);
            } else if (c.isDeactivation() && open.containsKey(pairId)) {
                PairChange start = open.remove(pairId);
                spans.add(new ActiveSpan(pairId, c.vehicleId(), c.chargerId(), start.processedAt(), c.processedAt()));
            }
        }
        open.forEach((pairId, start) -> spans.add(new ActiveSpan(pairId, start.vehicleId(), start.chargerId(),
                start.processedAt(), worldEnd)));
        return spans;
    }
}
