package io.plugmate.vehicle.persistence;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.messaging.NativeSelect;
import io.smallrye.mutiny.Uni;

/** An API client's users as this service knows them: by what it keeps of them (users are the client's own ids). */
@ApplicationScoped
public class UserRepository {

    private static final NativeSelect KNOWN = NativeSelect.of("""
            select exists (select 1 from oem_account where client_id = :client and user_id = :user)
                or exists (select 1 from vehicle where client_id = :client and user_id = :user)
                or exists (select 1 from link_session where client_id = :client and user_id = :user)
                or exists (select 1 from unlinked_device where client_id = :client and user_id = :user)""");

    /** Whether the client's user has linked, or started to link, anything that is still kept. */
    public Uni<Boolean> known(String clientId, String userId) {
        return KNOWN.with("client", clientId).with("user", userId).value().map(Boolean.TRUE::equals);
    }
}
