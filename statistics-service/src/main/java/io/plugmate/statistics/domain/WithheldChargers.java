package io.plugmate.statistics.domain;

import java.util.Collection;
import java.util.Set;

/**
 * The client's chargers whose consent is {@link ChargerConsent#WITHHELD}, when its sessions are read: every session
 * measured on one of them (its native sessions, its own estimates) is neither listed, readable nor counted, and a
 * vehicle's estimate that such a session stood in for counts again (docs/adr/0012).
 */
public record WithheldChargers(Set<String> chargerIds) {

    public static final WithheldChargers NONE = new WithheldChargers(Set.of());

    public WithheldChargers {
        chargerIds = Set.copyOf(chargerIds);
    }

    public static WithheldChargers of(Collection<String> chargerIds) {
        return chargerIds.isEmpty() ? NONE : new WithheldChargers(Set.copyOf(chargerIds));
    }

    /** Whether a session measured on {@code chargerId} is withheld; a vehicle's own estimate (no charger) never is. */
    public boolean hides(String chargerId) {
        return chargerId != null && chargerIds.contains(chargerId);
    }

    public boolean isEmpty() {
        return chargerIds.isEmpty();
    }
}
