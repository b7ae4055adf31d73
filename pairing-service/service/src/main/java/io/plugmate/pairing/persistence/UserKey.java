package io.plugmate.pairing.persistence;

import java.util.Comparator;

/**
 * A user of an API client: the key of a detector row. Ordered, so that a transaction taking several users' row locks
 * takes them in one order everywhere and two such transactions cannot deadlock on each other.
 */
public record UserKey(String clientId, String userId) implements Comparable<UserKey> {

    private static final Comparator<UserKey> ORDER = Comparator.comparing(UserKey::clientId)
            .thenComparing(UserKey::userId);

    @Override
    public int compareTo(UserKey other) {
        return ORDER.compare(this, other);
    }
}
