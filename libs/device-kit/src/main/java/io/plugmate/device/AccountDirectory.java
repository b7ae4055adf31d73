package io.plugmate.device;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.plugmate.oem.OemDevice;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The linked OEM accounts of a device service, as the periodic {@link AccountResync} sees them: one bean per service,
 * next to its {@link DeviceDirectory}. Both methods run in the caller's transaction.
 */
public interface AccountDirectory {

    /** A linked account whose devices this service keeps in step with the OEM. */
    record Account(UUID id, String clientId, String userId, String vendor) {
    }

    /**
     * Up to {@code limit} accounts whose devices were last synced before {@code syncedBefore} (or never), the longest
     * waiting first, each marked as synced at {@code now} so that the next round does not take it again.
     */
    Uni<List<Account>> claimDue(Instant syncedBefore, Instant now, int limit);

    /**
     * {@link #claimDue} for an entity: the rows matching {@code eligible} (an HQL condition, or null for all) not
     * synced since {@code syncedBefore}, the longest waiting first, marked as synced at {@code now}.
     */
    static <E extends LinkedAccountEntity> Uni<List<Account>> claimDue(Class<E> entity, String eligible, Instant syncedBefore,
            Instant now, int limit) {
        String hql = "from " + entity.getSimpleName() + " where " + (eligible == null ? "" : "(" + eligible + ") and ")
                + "(syncedAt is null or syncedAt < :before) order by syncedAt asc nulls first";
        return Panache.getSession().chain(s -> s.createSelectionQuery(hql, entity).setParameter("before", syncedBefore)
                .setMaxResults(limit).getResultList())
                .map(due -> due.stream().map(stored -> {
                    stored.syncedAt = now;
                    return stored.account();
                }).toList());
    }

    /**
     * The OEM's current device list for the account: devices that appeared are stored and announced
     * ({@code DeviceLinked}), devices that vanished are removed ({@code DeviceRemoved}); see {@link AccountSync}.
     *
     * @return how many devices came or went
     */
    Uni<Integer> sync(Account account, List<OemDevice> listed);
}
