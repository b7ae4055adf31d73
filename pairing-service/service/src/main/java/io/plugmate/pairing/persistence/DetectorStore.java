package io.plugmate.pairing.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.util.RawValue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.plugmate.commons.time.WallClock;
import io.plugmate.events.EventJson;
import io.plugmate.pairing.domain.DetectorSettings;
import io.plugmate.pairing.domain.DetectorSnapshot;
import io.plugmate.pairing.domain.SnapshotJson;
import io.plugmate.pairing.domain.UserDetector;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Each user's detector, kept as its snapshot in {@code user_detector}. {@link #lock} is the only way to get one for a
 * change: it holds the user's row lock until the caller's transaction ends, so the three input topics and the verdict
 * API, consumed concurrently and possibly by several instances, change one user's state one at a time.
 */
@ApplicationScoped
public class DetectorStore {

    // jsonb goes in and out as text: the reactive client would otherwise bind a Java string as a JSON string value
    private static final String CREATE = """
            insert into user_detector (client_id, user_id, snapshot, created_at, updated_at)
            values (:clientId, :userId, cast(cast(:snapshot as text) as jsonb), :now, :now)
            on conflict (client_id, user_id) do nothing
            """;
    // several users in one statement each: their keys and snapshots travel as one JSON array (jsonb_to_recordset);
    // rows are locked in key order, the order every batch takes (UserKey). The snapshot comes back only where the row
    // is not at the stamp and version this instance holds it at (DetectorCache, ADR 0020): a row lock and two numbers
    // instead of 24 KB of jsonb turned into text.
    private static final String LOCK_ALL = """
            select d.client_id, d.user_id, d.stamp, d.version,
                case when d.stamp = k.stamp and d.version = k.version then null else cast(d.snapshot as text) end
            from user_detector d
            join jsonb_to_recordset(cast(cast(:keys as text) as jsonb))
                as k(client_id text, user_id text, stamp bigint, version bigint)
                on d.client_id = k.client_id and d.user_id = k.user_id
            order by d.client_id, d.user_id
            for update of d
            """;
    // a new stamp for every write, from a sequence: never the same for two stored states, whichever instance wrote
    private static final String SAVE_ALL = """
            update user_detector d set snapshot = v.snapshot, version = d.version + 1,
                stamp = nextval('user_detector_stamp'), updated_at = :now
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as v(client_id text, user_id text, snapshot jsonb)
            where d.client_id = v.client_id and d.user_id = v.user_id
            returning d.client_id, d.user_id, d.stamp, d.version
            """;
    private static final String READ = """
            select cast(snapshot as text) from user_detector where client_id = :clientId and user_id = :userId
            """;

    private final DetectorSettings settings;
    private final DetectorCache cache;
    private final Counter fromMemory;
    private final Counter fromRow;

    public DetectorStore(DetectorSettings settings, DetectorCache cache, MeterRegistry registry) {
        this.settings = settings;
        this.cache = cache;
        this.fromMemory = snapshots(registry, "held");
        this.fromRow = snapshots(registry, "read");
    }

    /**
     * {@code plugmate.pairing.detector.snapshots}: per locked user, whether the snapshot was the one this instance held
     * ({@code held}) or had to be read from the row ({@code read}): the cache's hit rate.
     */
    private static Counter snapshots(MeterRegistry registry, String source) {
        return Counter.builder("plugmate.pairing.detector.snapshots")
                .description("Detector snapshots a lock took from memory (held) or from the row (read)")
                .tag("source", source).register(registry);
    }

    /**
     * The user's detector, its row locked until the current transaction ends; a user seen for the first time gets a
     * fresh one. Two first events of a new user racing each other both end up on the one row: the second insert
     * waits for the first and then does nothing, and its lock waits for the first transaction.
     */
    public Uni<UserDetector> lock(String clientId, String userId) {
        UserKey user = new UserKey(clientId, userId);
        return lockAll(List.of(user)).map(locked -> locked.get(user));
    }

    /**
     * {@link #lock} for several users at once, their rows locked in {@link UserKey} order; users seen for the first
     * time get a fresh detector (created one by one: a new user is rare). A detector comes from the snapshot this
     * instance holds when the locked row is still at its stamp and version, else from the row.
     */
    public Uni<Map<UserKey, UserDetector>> lockAll(Collection<UserKey> users) {
        List<UserKey> ordered = users.stream().distinct().sorted().toList();
        return requireTransaction().chain(() -> locked(ordered)).chain(found -> {
            List<UserKey> fresh = ordered.stream().filter(user -> !found.containsKey(user)).toList();
            if (fresh.isEmpty()) {
                return Uni.createFrom().item(found);
            }
            Uni<Void> created = Uni.createFrom().voidItem();
            for (UserKey user : fresh) {
                created = created.chain(() -> create(user)).replaceWithVoid();
            }
            return created.chain(() -> locked(fresh)).map(more -> {
                found.putAll(more);
                return found;
            });
        });
    }

    /** The users' detectors whose rows exist, those rows locked. */
    private Uni<Map<UserKey, UserDetector>> locked(List<UserKey> users) {
        Map<UserKey, UserDetector> found = new HashMap<>();
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK_ALL, Object[].class)
                .setParameter("keys", keys(users))
                .getResultList())
                .chain(rows -> {
                    Uni<Void> misses = Uni.createFrom().voidItem();
                    for (Object[] row : rows) {
                        UserKey user = new UserKey((String) row[0], (String) row[1]);
                        long stamp = ((Number) row[2]).longValue();
                        long version = ((Number) row[3]).longValue();
                        DetectorSnapshot snapshot = row[4] == null ? cache.at(user, stamp, version)
                                : parse((String) row[4]);
                        (row[4] == null && snapshot != null ? fromMemory : fromRow).increment();
                        if (snapshot == null) {
                            // held when the statement was sent, gone since (a rolled-back write of this instance
                            // replaced it, or it was dropped): the row is locked, read it
                            misses = misses.chain(() -> read(user.clientId(), user.userId())
                                    .invoke(stored -> found.put(user, restored(user, stamp, version, stored))))
                                    .replaceWithVoid();
                        } else {
                            found.put(user, restored(user, stamp, version, snapshot));
                        }
                    }
                    return misses.replaceWith(found);
                });
    }

    /** The detector of a snapshot read under the row lock, which is what the row holds: worth keeping. */
    private UserDetector restored(UserKey user, long stamp, long version, DetectorSnapshot snapshot) {
        cache.put(user, new DetectorCache.Stored(stamp, version, snapshot));
        return UserDetector.restore(snapshot, settings);
    }

    /**
     * {@link #save} for several detectors in one statement; call within the transaction that locked them. Each stored
     * snapshot is kept under the row's new stamp: if the transaction rolls back, that stamp never reaches the row.
     */
    public Uni<Void> saveAll(Collection<UserDetector> detectors, Instant now) {
        if (detectors.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<UserKey, DetectorSnapshot> snapshots = new HashMap<>();
        ArrayNode rows = EventJson.mapper().createArrayNode();
        for (UserDetector detector : detectors) {
            DetectorSnapshot snapshot = detector.snapshot();
            snapshots.put(new UserKey(snapshot.clientId(), snapshot.userId()), snapshot);
            rows.addObject().put("client_id", snapshot.clientId()).put("user_id", snapshot.userId())
                    .putRawValue("snapshot", new RawValue(write(snapshot)));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(SAVE_ALL, Object[].class)
                .setParameter("rows", rows.toString())
                .setParameter("now", now)
                .getResultList())
                .invoke(saved -> {
                    if (saved.size() != detectors.size()) {
                        throw new IllegalStateException("saved " + saved.size() + " detector rows of " + detectors.size());
                    }
                    for (Object[] row : saved) {
                        UserKey user = new UserKey((String) row[0], (String) row[1]);
                        cache.put(user, new DetectorCache.Stored(((Number) row[2]).longValue(),
                                ((Number) row[3]).longValue(), snapshots.get(user)));
                    }
                })
                .replaceWithVoid();
    }

    /** Stores the detector's state; call within the transaction that {@link #lock locked} it. */
    public Uni<Void> save(UserDetector detector, Instant now) {
        return saveAll(List.of(detector), now);
    }

    /** The stored snapshot without a lock (null for a user never seen): for reading, never for a change. */
    public Uni<DetectorSnapshot> read(String clientId, String userId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(READ, String.class)
                .setParameter("clientId", clientId)
                .setParameter("userId", userId)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : parse(rows.getFirst()));
    }

    private Uni<Integer> create(UserKey user) {
        String clientId = user.clientId();
        String userId = user.userId();
        String fresh = write(UserDetector.start(clientId, userId, settings).snapshot());
        Instant now = WallClock.now();
        return Panache.getSession().chain(session -> session.createNativeQuery(CREATE)
                .setParameter("clientId", clientId)
                .setParameter("userId", userId)
                .setParameter("snapshot", fresh)
                .setParameter("now", now)
                .executeUpdate());
    }

    /** The users' keys, each with the stamp and version of the snapshot held for it, if any. */
    private String keys(List<UserKey> users) {
        ArrayNode keys = EventJson.mapper().createArrayNode();
        for (UserKey user : users) {
            var key = keys.addObject().put("client_id", user.clientId()).put("user_id", user.userId());
            DetectorCache.Stored held = cache.get(user);
            if (held != null) {
                key.put("stamp", held.stamp()).put("version", held.version());
            }
        }
        return keys.toString();
    }

    private static Uni<Void> requireTransaction() {
        // a lock outside a transaction would end with the statement and protect nothing
        return Panache.currentTransaction().onItem().ifNull()
                .failWith(() -> new IllegalStateException("DetectorStore.lock needs an active transaction"))
                .replaceWithVoid();
    }

    static String write(DetectorSnapshot snapshot) {
        try {
            return SnapshotJson.write(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a detector snapshot", e);
        }
    }

    static DetectorSnapshot parse(String json) {
        try {
            return SnapshotJson.read(json);
        } catch (JsonProcessingException e) {
            // where, not what: Jackson's messages quote the content, which is a user's telemetry (locations included)
            var at = e.getLocation();
            throw new IllegalStateException("stored detector snapshot cannot be read: "
                    + e.getClass().getSimpleName() + (at == null ? ""
                            : " at line " + at.getLineNr() + ", column "
                                    + at.getColumnNr()));
        }
    }
}
