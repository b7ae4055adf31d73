package io.plugmate.pairing.persistence;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;

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
    private static final String SAVE = """
            update user_detector set snapshot = cast(cast(:snapshot as text) as jsonb), version = version + 1,
            updated_at = :now where client_id = :clientId and user_id = :userId
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

    /** Stores the detector's state; call within the transaction that {@link #lock locked} it. */
    public Uni<Void> save(UserDetector detector, Instant now) {
        DetectorSnapshot snapshot = detector.snapshot();
        return Panache.getSession().chain(session -> session.createNativeQuery(SAVE)
                .setParameter("snapshot", write(snapshot))
                .setParameter("now", now)
                .setParameter("clientId", snapshot.clientId())
                .setParameter("userId", snapshot.userId())
                .executeUpdate())
                .invoke(updated -> {
                    if (updated != 1) {
                        throw new IllegalStateException("no detector row for the user being saved");
                    }
                })
                .replaceWithVoid();
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
