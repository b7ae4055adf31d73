package io.plugmate.device;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.plugmate.messaging.NativeSelect;
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
     * waiting first, each marked as synced at {@code now} so that the next round does not take it again. Exclusive
     * across instances: an account another instance is claiming at the same moment is skipped, and once that claim
     * commits the account is no longer due (see {@link #claimDue(Class, String, Instant, Instant, int)}).
     */
    Uni<List<Account>> claimDue(Instant syncedBefore, Instant now, int limit);

    /**
     * {@link #claimDue} for an entity kept in the service's {@code oem_account} table: the rows matching
     * {@code eligible} (an SQL condition on that table, or null for all) not synced since {@code syncedBefore}, the
     * longest waiting first, marked as synced at {@code now} in the caller's transaction. The rows are taken
     * {@code for update skip locked}: two instances ticking together never claim the same account (the second skips the
     * rows the first holds until it commits, and then finds them synced), so an account's devices are listed at its
     * OEM and applied once per interval, not once per instance.
     */
    static <E extends LinkedAccountEntity> Uni<List<Account>> claimDue(Class<E> entity, String eligible,
            Instant syncedBefore, Instant now, int limit) {
        // the text is fixed per service (its eligible condition is a constant): one prepared statement, no plan
        NativeSelect due = NativeSelect.of("select id from oem_account where "
                + (eligible == null ? "" : "(" + eligible + ") and ")
                + "(synced_at is null or synced_at < :before) order by synced_at asc nulls first limit :limit "
                + "for update skip locked");
        return due.with("before", syncedBefore).with("limit", limit).list()
                .map(rows -> rows.stream().map(row -> row[0]).toList())
                // one statement for any number of ids (multi-load binds an array; an HQL "in" list would not)
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<E> of())
                        : Panache.getSession().chain(s -> s.find(entity, ids.toArray())))
                .map(claimed -> claimed.stream().filter(Objects::nonNull).sorted(Comparator.comparing(
                        (E stored) -> stored.syncedAt, Comparator.nullsFirst(Comparator.naturalOrder()))).map(stored -> {
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
