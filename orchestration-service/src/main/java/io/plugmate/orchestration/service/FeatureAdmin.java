package io.plugmate.orchestration.service;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.features.EffectiveFeature;
import io.plugmate.commons.features.Feature;
import io.plugmate.commons.time.WallClock;
import io.plugmate.events.ClientFeaturesChanged;
import io.plugmate.events.Topics;
import io.plugmate.messaging.Outbox;
import io.plugmate.orchestration.domain.Toggles;
import io.plugmate.orchestration.persistence.ClientFeaturesEntity;
import io.plugmate.orchestration.persistence.DeviceRepository;
import io.plugmate.orchestration.persistence.FeatureChangeEntity;
import io.plugmate.orchestration.persistence.FeatureChangeRepository;
import io.plugmate.orchestration.persistence.FeatureRepository;
import io.plugmate.orchestration.persistence.JsonColumns;
import io.plugmate.orchestration.persistence.UserLock;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Self-serve toggles (architecture §8): a client's override set replaced whole, each change of a value recorded with
 * who and when, the new set published on the compacted {@code client-features} topic (key clientId) for every service,
 * and this service's own capability announcements brought in line — all in one transaction.
 */
@ApplicationScoped
public class FeatureAdmin {

    /** {@code updated_by} of a row created by a lock before any change was made. */
    private static final String NEVER = "-";

    private final FeatureRepository features;
    private final FeatureChangeRepository changes;
    private final DeviceRepository devices;
    private final UserLock locks;
    private final ClientToggles toggles;
    private final CapabilityService capabilities;
    private final Outbox outbox;

    public FeatureAdmin(FeatureRepository features, FeatureChangeRepository changes, DeviceRepository devices,
            UserLock locks, ClientToggles toggles, CapabilityService capabilities, Outbox outbox) {
        this.features = features;
        this.changes = changes;
        this.devices = devices;
        this.locks = locks;
        this.toggles = toggles;
        this.capabilities = capabilities;
        this.outbox = outbox;
    }

    /** The admin who asks: the token's subject and its API client. */
    public record Admin(String subject, String clientId) {
    }

    /** A client's overrides, its effective toggles with their sources, and the last change (nulls: never). */
    public record Snapshot(Map<Feature, Boolean> overrides, List<EffectiveFeature> effective, Instant updatedAt,
            String updatedBy) {
    }

    @WithSession
    public Uni<Snapshot> snapshot(String clientId) {
        return features.findById(clientId).map(this::snapshot);
    }

    private Snapshot snapshot(ClientFeaturesEntity row) {
        boolean never = row == null || NEVER.equals(row.updatedBy);
        Map<Feature, Boolean> overrides = row == null ? Map.of() : ClientToggles.parse(row.overrides);
        return new Snapshot(overrides, toggles.describe(overrides), never ? null : row.updatedAt,
                never ? null : row.updatedBy);
    }

    /** Replaces the client's overrides; nothing is written or published when they are already exactly these. */
    @WithTransaction
    public Uni<Snapshot> replace(String clientId, Map<Feature, Boolean> wanted, Admin admin) {
        Instant now = WallClock.now();
        return features.lock(clientId, now).chain(row -> {
            Map<Feature, Boolean> before = ClientToggles.parse(row.overrides);
            Map<Feature, Boolean> after = new EnumMap<>(Feature.class);
            after.putAll(wanted);
            if (before.equals(after)) {
                return Uni.createFrom().item(snapshot(row));
            }
            row.overrides = JsonColumns.write(ClientToggles.byKey(after));
            row.updatedAt = now;
            row.updatedBy = admin.subject();
            return audit(clientId, before, after, admin, now)
                    .chain(() -> outbox.publish(Topics.CLIENT_FEATURES, clientId, new ClientFeaturesChanged(
                            UUID.randomUUID(), ClientFeaturesChanged.SCHEMA_VERSION, clientId, null, now,
                            ClientToggles.byKey(after))))
                    .chain(() -> realign(clientId, toggles.resolve(after)))
                    .replaceWith(() -> snapshot(row));
        });
    }

    private Uni<Void> audit(String clientId, Map<Feature, Boolean> before, Map<Feature, Boolean> after, Admin admin,
            Instant now) {
        return Multi.createFrom().items(Feature.values())
                .filter(f -> !java.util.Objects.equals(before.get(f), after.get(f)))
                .onItem().transformToUniAndConcatenate(f -> {
                    FeatureChangeEntity change = new FeatureChangeEntity();
                    change.clientId = clientId;
                    change.feature = f.key();
                    change.oldValue = before.get(f);
                    change.newValue = after.get(f);
                    change.changedBy = admin.subject();
                    change.changedByClient = admin.clientId();
                    change.changedAt = now;
                    return changes.persist(change);
                })
                .collect().last().replaceWithVoid();
    }

    /** Every user's capabilities under the new toggles, each under the user's lock (taken in a fixed order). */
    private Uni<Void> realign(String clientId, Toggles now) {
        return devices.usersOf(clientId).chain(users -> Multi.createFrom().iterable(users)
                .onItem().transformToUniAndConcatenate(user -> locks.lock(clientId, user)
                        .chain(() -> capabilities.refreshUser(clientId, user, now)))
                .collect().last()).replaceWithVoid();
    }
}
