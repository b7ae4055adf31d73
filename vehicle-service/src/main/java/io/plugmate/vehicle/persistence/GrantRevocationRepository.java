package io.plugmate.vehicle.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The grants waiting for revocation at their OEM. */
@ApplicationScoped
public class GrantRevocationRepository implements PanacheRepositoryBase<GrantRevocationEntity, UUID> {

    private static final String DUE = """
            select * from grant_revocation where next_attempt_at <= :now order by next_attempt_at limit :limit
            for update skip locked""";

    /**
     * Up to {@code limit} revocations due at {@code now}, the longest waiting first, each leased until {@code leaseUntil}
     * so that no other round (or instance) sends it meanwhile; rows another transaction holds are skipped.
     */
    public Uni<List<GrantRevocationEntity>> claimDue(Instant now, Instant leaseUntil, int limit) {
        return Panache.getSession().chain(s -> s.createNativeQuery(DUE, GrantRevocationEntity.class)
                .setParameter("now", now).setParameter("limit", limit).getResultList())
                .invoke(due -> due.forEach(r -> r.nextAttemptAt = leaseUntil));
    }
}
