package io.plugmate.pairing.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.plugmate.pairing.config.DetectorCacheConfig;
import io.plugmate.pairing.domain.DetectorSnapshot;
import io.plugmate.pairing.domain.ReportTexts;

/**
 * The snapshots this instance stored last, by user, under the row's stamp and version they were stored with (ADR
 * 0020). Only ever a shortcut: {@link DetectorStore} takes a snapshot from here only when the row it has just locked
 * carries that very stamp and version, so a write by another instance, an erasure or a rolled-back transaction of
 * this one (whose stamp never reaches the row) makes the entry useless, never wrong. Snapshots are immutable: two
 * transactions may restore the same one.
 */
@ApplicationScoped
public class DetectorCache {

    /**
     * A stored snapshot and the row's stamp and version after it was written, with the text each of its reports was
     * written with ({@link ReportTexts#NONE} for a snapshot read from the row), for the user's next write.
     */
    public record Stored(long stamp, long version, DetectorSnapshot snapshot, ReportTexts reportTexts) {
    }

    private final Cache<UserKey, Stored> stored;

    public DetectorCache(DetectorCacheConfig config) {
        // maintenance on the caller's thread: no pool of its own, and the event loop does a few map operations
        this.stored = Caffeine.newBuilder().maximumSize(config.size()).executor(Runnable::run).build();
    }

    /** What is held for the user, or null. */
    Stored get(UserKey user) {
        return stored.getIfPresent(user);
    }

    /** What is held for the user if it is what the row holds now, else null. */
    Stored at(UserKey user, long stamp, long version) {
        Stored held = stored.getIfPresent(user);
        return held != null && held.stamp() == stamp && held.version() == version ? held : null;
    }

    void put(UserKey user, Stored snapshot) {
        stored.put(user, snapshot);
    }

    void remove(UserKey user) {
        stored.invalidate(user);
    }
}
