package io.plugmate.vehicle.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.oem.OemException;
import io.plugmate.vehicle.LinkedHousehold;
import io.plugmate.vehicle.StoredAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * The simulator rotates refresh tokens like real OEMs: a refresh token used twice is {@code invalid_grant}. Upkeep,
 * poller, command execution and follow-up all ask for an account's token at once; one refresh must serve them all.
 */
@QuarkusTest
class CredentialRefreshRaceTest {

    @Inject
    CredentialService credentials;

    @Test
    void concurrentCallersOfAnExpiredTokenShareOneRefreshAndTheAccountStaysActive() throws Exception {
        LinkedHousehold h = LinkedHousehold.link("client-" + UUID.randomUUID(), "TESLA");
        UUID account = h.accountId();
        StoredAccounts.tokenExpiresAt(account, Instant.now().minusSeconds(1));

        int callers = 8;
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> tokens = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                tokens.add(threads.submit(() -> {
                    start.await();
                    try {
                        return VertxContextSupport.subscribeAndAwait(() -> credentials.accessToken(account));
                    } catch (Throwable e) {
                        return "failed: " + e;
                    }
                }));
            }
            start.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<String> token : tokens) {
                answers.add(token.get());
            }
            assertThat(answers).allSatisfy(token -> assertThat(token).startsWith("at_")).containsOnly(answers.getFirst());
        } finally {
            threads.shutdownNow();
        }
        assertThat(StoredAccounts.reload(account).status).isEqualTo("ACTIVE");
    }

    @Test
    void onlyInvalidGrantSaysTheUsersGrantIsDeadNeverOurOwnClientBeingRefused() {
        assertThat(CredentialService.grantDead(new OemException(400, "invalid_grant", "refresh token revoked", null)))
                .isTrue();
        assertThat(CredentialService.grantDead(new OemException(401, "invalid_client", "bad client secret", null)))
                .isFalse();
        assertThat(CredentialService.grantDead(new OemException(401, null, "unauthorized", null))).isFalse();
        assertThat(CredentialService.grantDead(new OemException(503, null, "unavailable", null))).isFalse();
    }
}
