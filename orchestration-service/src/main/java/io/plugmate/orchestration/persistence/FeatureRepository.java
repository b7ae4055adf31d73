package io.plugmate.orchestration.persistence;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** The clients' toggle overrides (the admin API is the only writer). */
@ApplicationScoped
public class FeatureRepository implements PanacheRepositoryBase<ClientFeaturesEntity, String> {

    private static final String CREATE = """
            insert into client_features (client_id, overrides, updated_at, updated_by)
            values (:clientId, '{}', :now, '-') on conflict do nothing""";

    /**
     * The client's row, created empty when missing, locked until the transaction ends: two changes of one client's
     * toggles follow each other, and each records the values it really replaced.
     */
    public Uni<ClientFeaturesEntity> lock(String clientId, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery(CREATE).setParameter("clientId", clientId)
                .setParameter("now", now).executeUpdate())
                .chain(() -> find("clientId", clientId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult());
    }
}
