package io.plugmate.charger.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the scopes an API client was granted for a charger's account let it see and do (docs/adr/0012): without
 * {@link #CONTROL} the charger offers no charging control of its own, without {@link #READ} its charge state is not
 * shown. Null scopes are unknown — an account announced before announcements carried them — and withhold nothing, as
 * before; a known but empty set grants nothing.
 */
public record ChargerScopes(Set<String> scopes) {

    public static final String READ = "charger:read:data";
    public static final String CONTROL = "charger:control:charging";

    /** Sorted, space-separated, as stored; null for null (unknown). */
    public static String text(Collection<String> scopes) {
        return scopes == null ? null : new TreeSet<>(scopes).stream().collect(Collectors.joining(" "));
    }

    /** The stored text; null when unknown. */
    public static ChargerScopes parse(String spaceSeparated) {
        return spaceSeparated == null ? null
                : new ChargerScopes(spaceSeparated.isBlank() ? Set.of()
                        : Set.copyOf(Arrays.asList(spaceSeparated.trim().split("\\s+"))));
    }

    /** Whether scopes stored as {@code spaceSeparated} allow {@code scope}; unknown scopes allow everything. */
    public static boolean allows(String spaceSeparated, String scope) {
        ChargerScopes known = parse(spaceSeparated);
        return known == null || known.scopes.contains(scope);
    }
}
