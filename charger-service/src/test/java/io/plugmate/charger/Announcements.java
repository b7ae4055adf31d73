package io.plugmate.charger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.plugmate.charger.persistence.OemAccountEntity;
import io.plugmate.events.DeviceType;
import io.plugmate.events.EventJson;
import io.plugmate.events.OemAccountLinked;
import io.plugmate.events.Topics;
import io.plugmate.oem.CredentialCipher;
import io.plugmate.testinfra.KafkaTestClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

/** What vehicle-service would publish on oem-accounts for a grant (docs/adr/0004), and the account as stored here. */
public final class Announcements {

    /** The %test key of application.properties: what vehicle-service would seal with. */
    public static final CredentialCipher SHARED = new CredentialCipher("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

    private Announcements() {
    }

    /** A new account linked for chargers, its token valid for an hour. */
    public static OemAccountLinked linked(String clientId, SimulatorGrant.Grant grant) {
        return announce(clientId, UUID.randomUUID().toString(), grant, Instant.now().plusSeconds(3600));
    }

    /** The account's credential as vehicle-service announces it (a link, or a rotation of an existing account). */
    public static OemAccountLinked announce(String clientId, String accountId, SimulatorGrant.Grant grant,
            Instant expiresAt) {
        OemAccountLinked event = new OemAccountLinked(UUID.randomUUID(), 1, clientId, grant.userId(), Instant.now(),
                accountId, grant.vendor(), grant.oemAccountId(), List.of(DeviceType.CHARGER),
                SHARED.encrypt(grant.accessToken(), accountId), expiresAt);
        KafkaTestClient.send(Topics.OEM_ACCOUNTS, event.userId(), EventJson.write(event));
        return event;
    }

    public static OemAccountEntity stored(String accountId) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .chain(s -> s.find(OemAccountEntity.class, UUID.fromString(accountId)))));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** The account's chargers were last read from the OEM at {@code at}: due for the re-sync when long ago. */
    public static void syncedAt(String accountId, Instant at) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(s -> s.createMutationQuery("update OemAccountEntity set syncedAt = :at where id = :id")
                            .setParameter("at", at).setParameter("id", UUID.fromString(accountId)).executeUpdate())));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
