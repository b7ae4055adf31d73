package io.plugmate.vehicle.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The scopes an API client was granted for a linked account (architecture §3, docs/adr/0012), space-separated as in
 * OAuth. They govern what the client sees and may do with the account's devices: without {@link #VEHICLE_LOCATION} a
 * vehicle has no location, without {@link #VEHICLE_CONTROL} it offers no charging control of its own. Unknown text (a
 * null of an account linked before scopes were kept) grants nothing beyond reading data.
 */
public record GrantedScopes(Set<String> scopes) {

    public static final String VEHICLE_LOCATION = "vehicle:read:location";
    public static final String VEHICLE_CONTROL = "vehicle:control:charging";

    public GrantedScopes {
        scopes = Set.copyOf(scopes);
    }

    public static GrantedScopes parse(String spaceSeparated) {
        return spaceSeparated == null || spaceSeparated.isBlank() ? new GrantedScopes(Set.of())
                : new GrantedScopes(Set.copyOf(Arrays.asList(spaceSeparated.trim().split("\\s+"))));
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }

    /**
     * What an account grants after a new link: the link is a new consent for the device types it asks for, so their
     * scopes are replaced by the requested ones (a link for fewer scopes takes the others back); the scopes of a type
     * the link does not ask for stay (linking the account's charger keeps its vehicle's scopes, as the account keeps
     * being linked for vehicles).
     */
    public GrantedScopes relinked(Collection<String> requested, boolean vehicles, boolean chargers) {
        Set<String> result = new TreeSet<>();
        scopes.stream().filter(s -> !(vehicles && s.startsWith("vehicle:")) && !(chargers && s.startsWith("charger:")))
                .forEach(result::add);
        requested.stream().filter(s -> vehicles && s.startsWith("vehicle:") || chargers && s.startsWith("charger:"))
                .forEach(result::add);
        return new GrantedScopes(result);
    }

    /** Sorted, space-separated. */
    public String text() {
        return scopes.stream().sorted().collect(Collectors.joining(" "));
    }
}
