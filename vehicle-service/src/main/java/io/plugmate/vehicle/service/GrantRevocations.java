package io.plugmate.vehicle.service;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.plugmate.commons.time.WallClock;
import io.plugmate.device.PeriodicRound;
import io.plugmate.oem.CredentialCipher;
import io.plugmate.oem.OemClient;
import io.plugmate.vehicle.config.RevocationConfig;
import io.plugmate.vehicle.persistence.GrantRevocationEntity;
import io.plugmate.vehicle.persistence.GrantRevocationRepository;
import io.plugmate.vehicle.persistence.OemAccountEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * OEM grants the platform no longer needs are revoked at the OEM (RFC 7009, docs/adr/0011): an account whose last
 * vehicle the client unlinked, every account of an erased user. The grant's token is queued, sealed, in the
 * transaction that lets the account go ({@link #queue}); a round sends what is due, outside any transaction, and
 * deletes a revocation only once the OEM confirmed it. A failure (OEM 5xx or 429, a timeout, anything) is kept with
 * its reason and retried with back-off (doubling from {@code first-delay} to {@code max-delay}) for as long as it
 * takes: a revocation is never dropped.
 */
@ApplicationScoped
public class GrantRevocations {

    private static final Logger LOG = Logger.getLogger(GrantRevocations.class);
    /** How long a claimed revocation is left to its round before another may take it. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final GrantRevocationRepository revocations;
    private final OemClient oem;
    private final CredentialCipher cipher;
    private final RevocationConfig config;
    private final Vertx vertx;
    private volatile PeriodicRound rounds;

    public GrantRevocations(GrantRevocationRepository revocations, OemClient oem, CredentialCipher cipher,
            RevocationConfig config, Vertx vertx) {
        this.revocations = revocations;
        this.oem = oem;
        this.cipher = cipher;
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.tick().isZero()) {
            rounds = PeriodicRound.start(vertx, config.tick(), LOG, "grant revocations", this::revokeDue);
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (rounds != null) {
            rounds.stop();
        }
    }

    /** The account is let go: its grant is queued for revocation, due at once. Inside the caller's transaction. */
    Uni<Void> queue(OemAccountEntity account) {
        GrantRevocationEntity revocation = new GrantRevocationEntity();
        revocation.id = UUID.randomUUID();
        revocation.accountId = account.id;
        revocation.vendor = account.vendor;
        revocation.sealedToken = account.sealedRefreshToken != null ? account.sealedRefreshToken
                : account.sealedAccessToken;
        revocation.createdAt = WallClock.now();
        revocation.nextAttemptAt = revocation.createdAt;
        return revocations.persist(revocation).replaceWithVoid();
    }

    /** One round; returns how many grants the OEMs confirmed revoked. */
    public Uni<Integer> revokeDue() {
        Instant now = WallClock.now();
        return Panache.withTransaction(() -> revocations.claimDue(now, now.plus(LEASE), config.batchSize()))
                .chain(due -> Multi.createFrom().iterable(due).onItem().transformToUniAndConcatenate(this::revoke)
                        .collect().asList())
                .map(done -> (int) done.stream().filter(Boolean::booleanValue).count());
    }

    private Uni<Boolean> revoke(GrantRevocationEntity revocation) {
        return Uni.createFrom().item(() -> cipher.open(revocation.sealedToken, revocation.accountId))
                .chain(token -> oem.revoke(revocation.vendor, token))
                .chain(() -> Panache.withTransaction(() -> revocations.deleteById(revocation.id)))
                .replaceWith(true)
                .onFailure().recoverWithUni(failure -> failed(revocation.id, failure));
    }

    private Uni<Boolean> failed(UUID id, Throwable failure) {
        return Panache.withTransaction(() -> revocations.findById(id).invoke(stored -> {
            if (stored != null) {
                stored.attempts++;
                stored.lastError = String.valueOf(failure.getMessage());
                stored.nextAttemptAt = WallClock.now().plus(delay(stored.attempts));
                LOG.warnf("revoking the grant of account %s at %s failed (attempt %d, next at %s): %s",
                        stored.accountId, stored.vendor, stored.attempts, stored.nextAttemptAt, stored.lastError);
            }
        })).replaceWith(false).onFailure().recoverWithItem(false); // the lease runs out; the next round tries again
    }

    /** The wait after the {@code attempts}-th failure: doubling from the first delay, capped. */
    Duration delay(int attempts) {
        Duration delay = config.firstDelay();
        for (int i = 1; i < attempts && delay.compareTo(config.maxDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : delay;
    }
}
