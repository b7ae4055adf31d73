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

import io.plugmate.commons.time.WallClock;
import io.plugmate.events.EventJson;
import io.plugmate.pairing.domain.DetectorSettings;
import io.plugmate.pairing.domain.DetectorSnapshot;
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
    private static final String LOCK = """
            select cast(snapshot as text) from user_detector where client_id = :clientId and user_id = :userId
            for update
            """;
    private static final String CREATE = """
            insert into user_detector (client_id, user_id, snapshot, created_at, updated_at)
            values (:clientId, :userId, cast(cast(:snapshot as text) as jsonb), :now, :now)
            on conflict (client_id, user_id) do nothing
            """;
    // several users in one statement each: their keys and snapshots travel as one JSON array (jsonb_to_recordset);
    // rows are locked in key order, the order every batch takes (UserKey)
    private static final String LOCK_ALL = """
            select client_id, user_id, cast(snapshot as text) from user_detector
            where (client_id, user_id) in (select k.client_id, k.user_id
                from jsonb_to_recordset(cast(cast(:keys as text) as jsonb)) as k(client_id text, user_id text))
            order by client_id, user_id
            for update
            """;
    private static final String SAVE_ALL = """
            update user_detector d set snapshot = v.snapshot, version = d.version + 1, updated_at = :now
            from jsonb_to_recordset(cast(cast(:rows as text) as jsonb)) as v(client_id text, user_id text, snapshot jsonb)
            where d.client_id = v.client_id and d.user_id = v.user_id
            """;
    private static final String READ = """
            select cast(snapshot as text) from user_detector where client_id = :clientId and user_id = :userId
            """;

    private final DetectorSettings settings;

    public DetectorStore(DetectorSettings settings) {
        this.settings = settings;
    }

    /**
     * The user's detector, its row locked until the current transaction ends; a user seen for the first time gets a
     * fresh one. Two first events of a new user racing each other both end up on the one row: the second insert
     * waits for the first and then does nothing, and its lock waits for the first transaction.
     */
    public Uni<UserDetector> lock(String clientId, String userId) {
        return requireTransaction().chain(() -> selectForUpdate(clientId, userId))
                .chain(json -> json != null ? Uni.createFrom().item(json)
                        : create(clientId, userId).chain(() -> selectForUpdate(clientId, userId)))
                .map(json -> UserDetector.restore(parse(json), settings));
    }

    /**
     * {@link #lock} for several users at once, their rows locked in {@link UserKey} order; users seen for the first
     * time get a fresh detector (created one by one: a new user is rare).
     */
    public Uni<Map<UserKey, UserDetector>> lockAll(Collection<UserKey> users) {
        List<UserKey> ordered = users.stream().distinct().sorted().toList();
        Map<UserKey, UserDetector> locked = new HashMap<>();
        return requireTransaction().chain(() -> Panache.getSession())
                .chain(session -> session.createNativeQuery(LOCK_ALL, Object[].class)
                        .setParameter("keys", keys(ordered))
                        .getResultList())
                .chain(rows -> {
                    rows.forEach(row -> locked.put(new UserKey((String) row[0], (String) row[1]),
                            UserDetector.restore(parse((String) row[2]), settings)));
                    Uni<Void> fresh = Uni.createFrom().voidItem();
                    for (UserKey user : ordered) {
                        if (!locked.containsKey(user)) {
                            fresh = fresh.chain(() -> lock(user.clientId(), user.userId())
                                    .invoke(detector -> locked.put(user, detector)).replaceWithVoid());
                        }
                    }
                    return fresh;
                })
                .map(ignored -> locked);
    }

    /** {@link #save} for several detectors in one statement; call within the transaction that locked them. */
    public Uni<Void> saveAll(Collection<UserDetector> detectors, Instant now) {
        if (detectors.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        ArrayNode rows = EventJson.mapper().createArrayNode();
        for (UserDetector detector : detectors) {
            DetectorSnapshot snapshot = detector.snapshot();
            rows.addObject().put("client_id", snapshot.clientId()).put("user_id", snapshot.userId())
                    .putRawValue("snapshot", new RawValue(write(snapshot)));
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(SAVE_ALL)
                .setParameter("rows", rows.toString())
                .setParameter("now", now)
                .executeUpdate())
                .invoke(updated -> {
                    if (updated != detectors.size()) {
                        throw new IllegalStateException("saved " + updated + " detector rows of " + detectors.size());
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

    private Uni<String> selectForUpdate(String clientId, String userId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(LOCK, String.class)
                .setParameter("clientId", clientId)
                .setParameter("userId", userId)
                .getResultList())
                .map((List<String> rows) -> rows.isEmpty() ? null : rows.getFirst());
    }

    private Uni<Integer> create(String clientId, String userId) {
        String fresh = write(UserDetector.start(clientId, userId, settings).snapshot());
        Instant now = WallClock.now();
        return Panache.getSession().chain(session -> session.createNativeQuery(CREATE)
                .setParameter("clientId", clientId)
                .setParameter("userId", userId)
                .setParameter("snapshot", fresh)
                .setParameter("now", now)
                .executeUpdate());
    }

    private static String keys(List<UserKey> users) {
        ArrayNode keys = EventJson.mapper().createArrayNode();
        users.forEach(user -> keys.addObject().put("client_id", user.clientId()).put("user_id", user.userId()));
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
            return EventJson.mapper().writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a detector snapshot", e);
        }
    }

    static DetectorSnapshot parse(String json) {
        try {
            return EventJson.mapper().readValue(json, DetectorSnapshot.class);
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
