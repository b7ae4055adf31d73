package io.plugmate.vehicle.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The linked OEM accounts; each one belongs to one API client, and its credentials are stored sealed. */
@ApplicationScoped
public class OemAccountRepository implements PanacheRepositoryBase<OemAccountEntity, UUID> {

    /** The client's account at the vendor with the OEM's own account id (unique), or null. */
    public Uni<OemAccountEntity> findByOemAccountId(String clientId, String vendor, String oemAccountId) {
        return find("clientId = ?1 and vendor = ?2 and oemAccountId = ?3", clientId, vendor, oemAccountId)
                .firstResult();
    }

    /** Active grants of accounts linked for chargers whose access token expires before {@code soon}, soonest first. */
    public Uni<List<OemAccountEntity>> findChargerGrantsExpiring(Instant soon, int limit) {
        return find("status = 'ACTIVE' and linksChargers and accessTokenExpiresAt < ?1 order by accessTokenExpiresAt",
                soon).range(0, limit - 1).list();
    }
}
