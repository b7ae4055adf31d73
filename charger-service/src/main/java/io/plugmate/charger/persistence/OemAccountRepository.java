package io.plugmate.charger.persistence;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The OEM accounts vehicle-service announced; each one belongs to one API client for good. */
@ApplicationScoped
public class OemAccountRepository implements PanacheRepositoryBase<OemAccountEntity, UUID> {

    /**
     * Marks the account's credential refused at {@code now}, unless it is marked already or a new one was announced
     * after {@code asked} (when the refused call was made).
     */
    public Uni<Integer> markRefused(UUID accountId, Instant asked, Instant now) {
        return update("credentialRefusedAt = ?1 where id = ?2 and credentialRefusedAt is null and updatedAt <= ?3", now,
                accountId, asked);
    }
}
