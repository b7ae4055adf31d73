package io.plugmate.vehicle.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.device.PeriodicRound;
import io.plugmate.vehicle.LinkedHousehold;
import io.plugmate.vehicle.StoredAccounts;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The credential upkeep as production runs it: rounds started on the Vert.x timer (tests otherwise turn the timer off
 * and call {@code upkeepOnce} themselves, from a context that hides what the timer's does). A grant of an account
 * linked for chargers that nears expiry is renewed by the timer alone, and no round fails or logs a context error
 * ("current context is not a duplicated context").
 */
@QuarkusTest
class CredentialUpkeepTimerTest {

    @Inject
    CredentialUpkeep upkeep;

    @Test
    void theTimerRenewsAGrantNearingExpiryWithoutAContextError() {
        LinkedHousehold chargers = LinkedHousehold.linkTeslaVehiclesAndChargers("client-" + UUID.randomUUID());
        Instant soon = Instant.now().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MICROS);
        StoredAccounts.tokenExpiresAt(chargers.accountId(), soon);

        List<LogRecord> problems = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String said = text(record);
                boolean ours = record.getLoggerName() != null && record.getLoggerName().startsWith("io.plugmate");
                if (ours && record.getLevel().intValue() >= Level.WARNING.intValue()
                        || said.contains("duplicated context")) {
                    problems.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        PeriodicRound rounds = upkeep.every(Duration.ofMillis(200));
        try {
            await().atMost(Duration.ofSeconds(30)).until(
                    () -> StoredAccounts.reload(chargers.accountId()).accessTokenExpiresAt.isAfter(soon));
            // a few more rounds, with nothing left to renew
            await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        } finally {
            rounds.stop();
            root.removeHandler(capture);
        }
        assertThat(problems).extracting(r -> r.getLoggerName() + ": " + text(r)).isEmpty();
    }

    private static String text(LogRecord record) {
        return record.getMessage() + " " + (record.getParameters() == null ? "" : List.of(record.getParameters()))
                + " " + record.getThrown();
    }
}
