package io.plugmate.statistics.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.plugmate.events.ChargerSessionRecorded;
import io.plugmate.events.ChargerStateObserved;
import io.plugmate.events.PairEvent;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.VehicleStateObserved;

/**
 * Every user's inputs in memory, and the sessions they give: the same rules as the service without its database, for
 * the benchmark and for properties over whole input streams. Not thread-safe.
 */
public final class StatisticsLedger {

    private final StatisticsSettings settings;
    private final Reconciler reconciler;
    private final Map<String, User> users = new LinkedHashMap<>();

    private static final class User {
        final String clientId;
        final String userId;
        final Map<String, TreeMap<java.time.Instant, Sample>> samples = new TreeMap<>();
        final Map<String, Basis> bases = new TreeMap<>();
        final Map<String, ChargingSession> natives = new TreeMap<>();
        final List<PairFact> facts = new ArrayList<>();

        User(String clientId, String userId) {
            this.clientId = clientId;
            this.userId = userId;
        }
    }

    public StatisticsLedger(StatisticsSettings settings) {
        this.settings = settings;
        this.reconciler = new Reconciler(settings);
    }

    /** Events of other types are ignored, as the service's consumers never receive them. */
    public void accept(PlugmateEvent event) {
        switch (event) {
            case VehicleStateObserved v -> sample(user(v), Basis.VEHICLE_RATE, v.vehicleId(), Inputs.sample(v));
            case ChargerStateObserved c -> sample(user(c), Basis.CHARGER_RATE, c.chargerId(), Inputs.sample(c));
            case ChargerSessionRecorded r -> user(r).natives.putIfAbsent(r.sessionId(), Inputs.session(r));
            case PairEvent p -> {
                User u = user(p);
                PairFact fact = Inputs.fact(p, u.facts.size());
                if (fact != null) {
                    u.facts.add(fact);
                }
            }
            default -> {
                // not an input of statistics
            }
        }
    }

    /** Every user's sessions, resolved. */
    public List<ResolvedSession> sessions() {
        List<ResolvedSession> all = new ArrayList<>();
        for (User u : users.values()) {
            List<ChargingSession> sessions = new ArrayList<>(u.natives.values());
            u.samples.forEach((device, samples) -> {
                for (TelemetryRun run : TelemetryRuns.of(List.copyOf(samples.values()), settings)) {
                    sessions.add(ChargingSession.estimated(u.clientId, u.userId, u.bases.get(device), device, run));
                }
            });
            all.addAll(reconciler.resolve(sessions, u.facts).values());
        }
        return all;
    }

    private void sample(User u, Basis basis, String deviceId, Sample sample) {
        if (sample == null || deviceId == null) {
            return;
        }
        u.bases.put(deviceId, basis);
        u.samples.computeIfAbsent(deviceId, k -> new TreeMap<>()).putIfAbsent(sample.at(), sample);
    }

    private User user(PlugmateEvent e) {
        return users.computeIfAbsent(e.clientId() + "\u001f" + e.userId(), k -> new User(e.clientId(), e.userId()));
    }
}
