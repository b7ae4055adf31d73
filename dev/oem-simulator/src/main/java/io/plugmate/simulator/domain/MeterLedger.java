package io.plugmate.simulator.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Records each household charger's meter when a vehicle is plugged in and unplugged (see {@link MeteredInterval}). */
final class MeterLedger {

    private final Map<String, MeteredInterval> open = new LinkedHashMap<>();
    private final List<MeteredInterval> closed = new ArrayList<>();

    void plugged(Vehicle v, Charger c, Instant at) {
        open.put(v.id(), new MeteredInterval(v.id(), c.id(), c.householdId(), at, null, c.meterKwh, null));
    }

    void unplugged(Vehicle v, Charger c, Instant at) {
        MeteredInterval o = open.remove(v.id());
        if (o != null && c != null) {
            closed.add(new MeteredInterval(o.vehicleId(), o.chargerId(), o.householdId(), o.pluggedInAt(), at,
                    o.meterAtPlugInKwh(), c.meterKwh));
        }
    }

    List<MeteredInterval> all() {
        List<MeteredInterval> all = new ArrayList<>(closed);
        all.addAll(open.values());
        all.sort(Comparator.comparing(MeteredInterval::pluggedInAt).thenComparing(MeteredInterval::vehicleId));
        return all;
    }
}
