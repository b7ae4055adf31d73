package io.plugmate.vehicle.persistence;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.messaging.NativeSelect;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The grants waiting for revocation at their OEM. */
@ApplicationScoped
public class GrantRevocationRepository implements PanacheRepositoryBase<GrantRevocationEntity, UUID> {

    private static final NativeSelect DUE = NativeSelect.of("""
            select id from grant_revocation where next_attempt_at <= :now order by next_attempt_at limit :limit
            for update skip locked""");

    /**
     * Up to {@code limit} revocations due at {@code now}, the longest waiting first, each leased until {@code leaseUntil}
     * so that no other round (or instance) sends it meanwhile; rows another transaction holds are skipped.
     */
    public Uni<List<GrantRevocationEntity>> claimDue(Instant now, Instant leaseUntil, int limit) {
        return DUE.with("now", now).with("limit", limit).list().map(rows -> rows.stream().map(row -> row[0]).toList())
                // one statement for any number of ids (multi-load binds an array; an HQL "in" list would not)
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<GrantRevocationEntity> of())
                        : Panache.getSession().chain(s -> s.find(GrantRevocationEntity.class, ids.toArray())))
                .map(found -> found.stream().filter(Objects::nonNull)
                        .sorted(Comparator.comparing((GrantRevocationEntity r) -> r.nextAttemptAt)).toList())
                .invoke(due -> due.forEach(r -> r.nextAttemptAt = leaseUntil));
    }
}
