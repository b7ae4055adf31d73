package io.plugmate.statistics.persistence;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.messaging.NativeSelect;
import io.plugmate.statistics.domain.ChargerConsent;
import io.plugmate.statistics.domain.WithheldChargers;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Each charger's current read consent ({@code charger_consent}), always of one client. */
@ApplicationScoped
public class ConsentStore {

    /** The newer announcement wins (a tie too: the same instant says the same, or the later delivery is the later). */
    private static final String SAY = """
            insert into charger_consent (client_id, charger_id, user_id, reads_data, said_at, updated_at)
            values (:c, :ch, :u, :reads, :at, :now)
            on conflict (client_id, charger_id) do update set user_id = excluded.user_id,
            reads_data = excluded.reads_data, said_at = excluded.said_at, updated_at = excluded.updated_at
            where charger_consent.said_at <= excluded.said_at""";
    private static final NativeSelect WITHHELD = NativeSelect.of("""
            select charger_id from charger_consent where client_id = :c and not reads_data""");

    /** Records what an announcement at {@code saidAt} (its occurredAt) said, unless a later one said otherwise. */
    public Uni<Void> say(String clientId, String userId, String chargerId, ChargerConsent consent, Instant saidAt,
            Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery(SAY).setParameter("c", clientId)
                .setParameter("ch", chargerId).setParameter("u", userId)
                .setParameter("reads", consent == ChargerConsent.GRANTED).setParameter("at", saidAt)
                .setParameter("now", now).executeUpdate()).replaceWithVoid();
    }

    /** The client's chargers whose measurements are not served. */
    public Uni<WithheldChargers> withheld(String clientId) {
        return WITHHELD.with("c", clientId).list()
                .map(rows -> WithheldChargers.of(rows.stream().map(row -> (String) row[0]).toList()));
    }
}
