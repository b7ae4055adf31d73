package io.plugmate.statistics.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Decides everything about one user's sessions from the sessions and the user's pair facts alone (so a replay decides
 * the same):
 * <ol>
 * <li>whose each charger session is ({@link Attributor}); a vehicle's own estimate is the vehicle's;</li>
 * <li>which measurement of the same energy counts: a native session over the charger's own estimate of it, and a
 * charger session attributed to a vehicle over that vehicle's estimate of it — the vehicle's home session is counted
 * once, and its estimate stays as the native session's {@link CrossCheck} (the charging loss);</li>
 * <li>when a native session's energy flowed: its meter gives only the total, so the shape is borrowed from the
 * charger's rate reports during it, else from the attributed vehicle's, else spread evenly, and scaled to the
 * metered total (splitting it at bucket edges then loses nothing).</li>
 * </ol>
 * The same is decided once more as if native sessions did not exist, for clients who switched them off.
 */
public final class Reconciler {

    private final StatisticsSettings settings;
    private final Attributor attributor;

    public Reconciler(StatisticsSettings settings) {
        this.settings = settings;
        this.attributor = new Attributor(settings);
    }

    public Map<String, ResolvedSession> resolve(List<ChargingSession> sessions, List<PairFact> facts) {
        List<ChargingSession> ordered = sessions.stream()
                .sorted(Comparator.comparing(ChargingSession::startedAt).thenComparing(ChargingSession::id)).toList();
        Map<String, List<Attribution>> histories = new LinkedHashMap<>();
        for (ChargingSession s : ordered) {
            histories.put(s.id(), s.basis().onCharger()
                    ? attributor.history(s.chargerId(), s.startedAt(), s.endedAt(), facts)
                    : List.of(Attribution.ownVehicle(s.vehicleId(), s.endedAt())));
        }
        Map<String, String> superseded = new LinkedHashMap<>();
        Map<String, String> supersededWithoutNative = new LinkedHashMap<>();
        for (ChargingSession s : ordered) {
            if (s.basis() == Basis.CHARGER_RATE) {
                best(s, ordered, n -> n.basis() == Basis.CHARGER_METER && n.hasEnergy()
                        && n.chargerId().equals(s.chargerId())).ifPresent(n -> superseded.put(s.id(), n));
            }
        }
        for (ChargingSession s : ordered) {
            if (s.basis() != Basis.VEHICLE_RATE) {
                continue;
            }
            Predicate<ChargingSession> hisCharging = c -> c.basis().onCharger() && c.hasEnergy()
                    && s.vehicleId().equals(current(histories, c).vehicleId())
                    && current(histories, c).status() == AttributionStatus.ATTRIBUTED;
            best(s, ordered, hisCharging.and(c -> !superseded.containsKey(c.id())))
                    .ifPresent(c -> superseded.put(s.id(), c));
            best(s, ordered, hisCharging.and(c -> c.basis() == Basis.CHARGER_RATE))
                    .ifPresent(c -> supersededWithoutNative.put(s.id(), c));
        }
        Map<String, ResolvedSession> resolved = new LinkedHashMap<>();
        for (ChargingSession s : ordered) {
            Map<String, String> relation = s.basis() == Basis.CHARGER_METER ? superseded : supersededWithoutNative;
            resolved.put(s.id(), new ResolvedSession(s, current(histories, s), histories.get(s.id()),
                    superseded.get(s.id()), supersededWithoutNative.get(s.id()), crossCheck(s, ordered, relation),
                    profile(s, ordered, histories)));
        }
        return resolved;
    }

    private java.util.Optional<String> best(ChargingSession s, List<ChargingSession> all,
            Predicate<ChargingSession> eligible) {
        return all.stream().filter(c -> c != s && eligible.test(c) && s.coveredBy(c, settings.coverShare()))
                .max(Comparator.comparing((ChargingSession c) -> c.basis() == Basis.CHARGER_METER)
                        .thenComparing(s::overlap).thenComparing(ChargingSession::id, Comparator.reverseOrder()))
                .map(ChargingSession::id);
    }

    private static Attribution current(Map<String, List<Attribution>> histories, ChargingSession s) {
        return histories.get(s.id()).getLast();
    }

    private static CrossCheck crossCheck(ChargingSession s, List<ChargingSession> all, Map<String, String> relation) {
        if (!s.basis().onCharger() || !s.hasEnergy()) {
            return null;
        }
        List<String> ids = new ArrayList<>();
        double estimated = 0;
        for (ChargingSession v : all) {
            if (v.basis() == Basis.VEHICLE_RATE && s.id().equals(relation.get(v.id()))) {
                ids.add(v.id());
                estimated += v.energyKwh();
            }
        }
        if (ids.isEmpty()) {
            return null;
        }
        double loss = s.energyKwh() - estimated;
        return new CrossCheck(ids, estimated, loss, s.energyKwh() > 0 ? loss / s.energyKwh() * 100 : null);
    }

    private static EnergyProfile profile(ChargingSession s, List<ChargingSession> all,
            Map<String, List<Attribution>> histories) {
        if (!s.hasEnergy() || s.energyKwh() == 0) {
            return EnergyProfile.EMPTY;
        }
        if (s.basis() != Basis.CHARGER_METER) {
            return s.profile();
        }
        EnergyProfile shape = shape(s, all, c -> c.basis() == Basis.CHARGER_RATE && s.chargerId().equals(c.chargerId()));
        if (shape == null) {
            String vehicle = current(histories, s).vehicleId();
            shape = vehicle == null ? null
                    : shape(s, all, c -> c.basis() == Basis.VEHICLE_RATE && vehicle.equals(c.vehicleId()));
        }
        return shape != null ? shape : EnergyProfile.spread(s.startedAt(), s.endedAt(), s.energyKwh());
    }

    /** The eligible sessions' flow within s, scaled to s's metered energy; null when they show no flow there. */
    private static EnergyProfile shape(ChargingSession s, List<ChargingSession> all, Predicate<ChargingSession> eligible) {
        EnergyProfile sum = EnergyProfile.EMPTY;
        for (ChargingSession c : all) {
            if (eligible.test(c) && s.overlap(c).isPositive()) {
                sum = sum.plus(c.profile().within(s.startedAt(), s.endedAt()));
            }
        }
        return sum.scaledTo(s.energyKwh());
    }
}
