package io.plugmate.pairing.persistence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.plugmate.commons.time.WallClock;
import io.plugmate.messaging.NativeSelect;
import io.plugmate.pairing.domain.DetectorSettings;
import io.plugmate.pairing.domain.DetectorSnapshot;
import io.plugmate.pairing.domain.ReportTexts;
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

    // Every statement has one text whatever the number of users, the users' keys and snapshots travelling as arrays,
    // and runs as a NativeSelect: Hibernate Reactive would add a query plan cache entry on every execution of a native
    // select (StateInDatabaseTest.theStatementsMakeNoNewQueryPlan). The snapshot is text (V5): PostgreSQL stores it as
    // it comes, without parsing it.

    // a row for each user not seen yet, in key order, before any row is locked (see lockAll)
    private static final NativeSelect CREATE_ALL = NativeSelect.of("""
            insert into user_detector (client_id, user_id, snapshot, created_at, updated_at)
            select k.client_id, k.user_id, k.snapshot, :now, :now
            from unnest(cast(:clientIds as text[]), cast(:userIds as text[]), cast(:snapshots as text[]))
                as k(client_id, user_id, snapshot)
            order by k.client_id, k.user_id
            on conflict (client_id, user_id) do nothing
            """);
    // rows are locked in key order, the one order every transaction takes. The snapshot comes back only where the row is
    // not at the stamp and version this instance holds it at (DetectorCache, ADR 0020): a row lock and two numbers
    // instead of 10 KB of text.
    private static final NativeSelect LOCK_ALL = NativeSelect.of("""
            select d.client_id, d.user_id, d.stamp, d.version,
                case when d.stamp = k.stamp and d.version = k.version then null else d.snapshot end
            from user_detector d
            join unnest(cast(:clientIds as text[]), cast(:userIds as text[]), cast(:stamps as bigint[]),
                    cast(:versions as bigint[])) as k(client_id, user_id, stamp, version)
                on d.client_id = k.client_id and d.user_id = k.user_id
            order by d.client_id, d.user_id
            for update of d
            """);
    // a new stamp for every write, from a sequence: never the same for two stored states, whichever instance wrote
    private static final NativeSelect SAVE_ALL = NativeSelect.of("""
            update user_detector d set snapshot = v.snapshot, version = d.version + 1,
                stamp = nextval('user_detector_stamp'), updated_at = :now
            from unnest(cast(:clientIds as text[]), cast(:userIds as text[]), cast(:snapshots as text[]))
                as v(client_id, user_id, snapshot)
            where d.client_id = v.client_id and d.user_id = v.user_id
            returning d.client_id, d.user_id, d.stamp, d.version
            """);
    private static final NativeSelect READ = NativeSelect.of("""
            select snapshot from user_detector where client_id = :clientId and user_id = :userId
            """);

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
     * {@link #lock} for several users at once. Every transaction takes its users' rows in one order (the keys as
     * PostgreSQL sorts them: both statements order by them), so two of them sharing users wait for each other, never in a
     * circle: first a row
     * is created for each user this instance holds no snapshot of (one statement, in key order, nothing locked yet;
     * an existing row is left alone), then all the rows are locked (one statement, in key order). A user held in
     * memory whose row is gone since (erased by another instance) cannot be created now without locking out of order:
     * the transaction fails without effect and is retried, the user no longer held. A detector comes from the snapshot
     * this instance holds when the locked row is still at its stamp and version, else from the row.
     */
    public Uni<Map<UserKey, UserDetector>> lockAll(Collection<UserKey> users) {
        List<UserKey> ordered = users.stream().distinct().sorted().toList();
        List<UserKey> unheld = ordered.stream().filter(user -> cache.get(user) == null).toList();
        return requireTransaction()
                .chain(() -> unheld.isEmpty() ? Uni.createFrom().voidItem() : create(unheld))
                .chain(() -> locked(ordered))
                .chain(found -> {
                    List<UserKey> gone = ordered.stream().filter(user -> !found.containsKey(user)).toList();
                    if (gone.isEmpty()) {
                        return Uni.createFrom().item(found);
                    }
                    gone.forEach(cache::remove);
                    if (!found.isEmpty()) {
                        return Uni.createFrom().failure(new IllegalStateException("the detector rows of " + gone.size()
                                + " users held in memory are gone (erased?); the transaction is tried again"));
                    }
                    // nothing locked yet: creating them now keeps the order
                    return create(gone).chain(() -> locked(gone)).invoke(more -> {
                        if (more.size() != gone.size()) {
                            throw new IllegalStateException("detector rows erased while they were created");
                        }
                    });
                });
    }

    /** The users' detectors whose rows exist, those rows locked. */
    private Uni<Map<UserKey, UserDetector>> locked(List<UserKey> users) {
        Long[] stamps = new Long[users.size()];
        Long[] versions = new Long[users.size()];
        for (int i = 0; i < users.size(); i++) {
            DetectorCache.Stored held = cache.get(users.get(i));
            if (held != null) {
                stamps[i] = held.stamp();
                versions[i] = held.version();
            }
        }
        Map<UserKey, UserDetector> found = new HashMap<>();
        return LOCK_ALL.with("clientIds", clientIds(users)).with("userIds", userIds(users))
                .with("stamps", stamps).with("versions", versions).list()
                .chain(rows -> {
                    Uni<Void> misses = Uni.createFrom().voidItem();
                    for (Object[] row : rows) {
                        UserKey user = new UserKey((String) row[0], (String) row[1]);
                        long stamp = ((Number) row[2]).longValue();
                        long version = ((Number) row[3]).longValue();
                        // held even when the row came back: another transaction of this instance may have stored
                        // the user (and committed) after this statement's stamp was taken
                        DetectorCache.Stored held = cache.at(user, stamp, version);
                        (held != null ? fromMemory : fromRow).increment();
                        if (held != null) {
                            found.put(user, UserDetector.restore(held.snapshot(), settings));
                        } else if (row[4] != null) {
                            found.put(user, restored(user, stamp, version, parse((String) row[4])));
                        } else {
                            // held when the statement was sent, gone since (a rolled-back write of this instance
                            // replaced it, or it was dropped): the row is locked, read it
                            misses = misses.chain(() -> read(user.clientId(), user.userId())
                                    .invoke(stored -> found.put(user, restored(user, stamp, version, stored))))
                                    .replaceWithVoid();
                        }
                    }
                    return misses.replaceWith(found);
                });
    }

    /** The detector of a snapshot read under the row lock, which is what the row holds: worth keeping. */
    private UserDetector restored(UserKey user, long stamp, long version, DetectorSnapshot snapshot) {
        cache.put(user, new DetectorCache.Stored(stamp, version, snapshot, ReportTexts.NONE));
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
        Map<UserKey, ReportTexts> texts = new HashMap<>();
        List<UserKey> users = new ArrayList<>();
        String[] written = new String[detectors.size()];
        for (UserDetector detector : detectors) {
            DetectorSnapshot snapshot = detector.snapshot();
            UserKey user = new UserKey(snapshot.clientId(), snapshot.userId());
            DetectorCache.Stored held = cache.get(user);
            SnapshotJson.Written text = write(snapshot, held == null ? ReportTexts.NONE : held.reportTexts());
            snapshots.put(user, snapshot);
            texts.put(user, text.reports());
            written[users.size()] = text.json();
            users.add(user);
        }
        return SAVE_ALL.with("clientIds", clientIds(users)).with("userIds", userIds(users))
                .with("snapshots", written).with("now", now).list()
                .invoke(saved -> {
                    if (saved.size() != detectors.size()) {
                        throw new IllegalStateException("saved " + saved.size() + " detector rows of " + detectors.size());
                    }
                    for (Object[] row : saved) {
                        UserKey user = new UserKey((String) row[0], (String) row[1]);
                        cache.put(user, new DetectorCache.Stored(((Number) row[2]).longValue(),
                                ((Number) row[3]).longValue(), snapshots.get(user), texts.get(user)));
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
        return READ.with("clientId", clientId).with("userId", userId).value()
                .map(json -> json == null ? null : parse((String) json));
    }

    /** A row with a fresh detector for each user that has none; existing rows are left as they are. */
    private Uni<Void> create(List<UserKey> users) {
        String[] fresh = new String[users.size()];
        for (int i = 0; i < users.size(); i++) {
            UserKey user = users.get(i);
            fresh[i] = write(UserDetector.start(user.clientId(), user.userId(), settings).snapshot());
        }
        return CREATE_ALL.with("clientIds", clientIds(users)).with("userIds", userIds(users))
                .with("snapshots", fresh).with("now", WallClock.now()).list().replaceWithVoid();
    }

    private static String[] clientIds(List<UserKey> users) {
        return users.stream().map(UserKey::clientId).toArray(String[]::new);
    }

    private static String[] userIds(List<UserKey> users) {
        return users.stream().map(UserKey::userId).toArray(String[]::new);
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

    /** The snapshot's text, copying the reports whose text {@code earlier} holds. */
    static SnapshotJson.Written write(DetectorSnapshot snapshot, ReportTexts earlier) {
        try {
            return SnapshotJson.write(snapshot, earlier);
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
