package io.plugmate.charger.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.charger.SeededChargers;
import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.messaging.TableRetention;
import io.plugmate.testinfra.NativeSql;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Issue 13 point 6: observations and webhook deliveries only grew. Rows past their window (30 days, 3 days) go, newer
 * ones stay — and so does every reading of a session still open, which {@link ChargerSessionService} reads again from
 * the session's start whenever a reading arrives.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    TableRetention retention;

    private static void observed(ChargerEntity c, int daysAgo) throws Throwable {
        NativeSql.execute("""
                insert into charger_observation (charger_id, observed_at, received_at, is_plugged_in, energy_meter_kwh)
                values (?1, now() - make_interval(days => ?2), now() - make_interval(days => ?2), true, 100)""", c.id,
                daysAgo);
    }

    private static long observations(ChargerEntity c, int olderThanDays) throws Throwable {
        return NativeSql.count("select count(*) from charger_observation where charger_id = ?1 and observed_at < now() - "
                + "make_interval(days => ?2)", c.id, olderThanDays);
    }

    @Test
    void rowsPastTheirWindowGoExceptTheReadingsOfAnOpenSession() throws Throwable {
        ChargerEntity unplugged = SeededChargers.seed("client-" + UUID.randomUUID(), "user-" + UUID.randomUUID());
        observed(unplugged, 40);
        observed(unplugged, 31);
        observed(unplugged, 29);
        ChargerEntity pluggedForLong = SeededChargers.seed("client-" + UUID.randomUUID(), "user-" + UUID.randomUUID());
        NativeSql.execute("""
                insert into charger_session (id, charger_id, started_at, meter_start_kwh, created_at)
                values (?1, ?2, now() - interval '45 days', 100, now() - interval '45 days')""", UUID.randomUUID(),
                pluggedForLong.id);
        observed(pluggedForLong, 50); // before the open session: not needed
        observed(pluggedForLong, 45);
        observed(pluggedForLong, 40);
        String oldDelivery = "EASEE:" + UUID.randomUUID();
        String recentDelivery = "EASEE:" + UUID.randomUUID();
        NativeSql.execute(
                "insert into webhook_delivery (delivery_id, vendor, received_at) values (?1, 'EASEE', now() - interval "
                        + "'4 days'), (?2, 'EASEE', now() - interval '2 days')",
                oldDelivery, recentDelivery);

        VertxContextSupport.subscribeAndAwait(() -> retention.purgeOnce());

        assertThat(observations(unplugged, 30)).isZero();
        assertThat(observations(unplugged, 0)).isEqualTo(1);
        assertThat(observations(pluggedForLong, 46)).isZero();
        assertThat(observations(pluggedForLong, 0)).isEqualTo(2);
        assertThat(NativeSql.count("select count(*) from webhook_delivery where delivery_id = ?1", oldDelivery)).isZero();
        assertThat(NativeSql.count("select count(*) from webhook_delivery where delivery_id = ?1", recentDelivery))
                .isEqualTo(1);
        assertThat(NativeSql.count("""
                select count(*) from pg_indexes where indexname in
                ('charger_observation_received', 'webhook_delivery_received')""")).isEqualTo(2);
    }

    private static void tombstone(String clientId, String device, UUID accountId, int daysAgo) throws Throwable {
        NativeSql.execute("""
                insert into unlinked_device (client_id, vendor, vendor_device_id, user_id, account_id, unlinked_at)
                values (?1, 'ZAPLINE', ?2, 'user-1', ?3, now() - make_interval(days => ?4))""", clientId, device,
                accountId, daysAgo);
    }

    /**
     * ADR 0011's tombstones: kept while their account exists, however old (else the re-sync rediscovers the charger),
     * deleted 7 days after their account is gone (its last charger unlinked, its user erased).
     */
    @Test
    void tombstonesOutliveTheirAccountBySevenDays() throws Throwable {
        String clientId = "client-" + UUID.randomUUID();
        UUID live = UUID.randomUUID();
        NativeSql.execute("""
                insert into oem_account (id, client_id, user_id, vendor, oem_account_id, sealed_access_token,
                access_token_expires_at, created_at, updated_at)
                values (?1, ?2, 'user-1', 'ZAPLINE', ?3, 'sealed', now(), now(), now())""", live, clientId,
                "acct-" + live);
        tombstone(clientId, "kept-with-its-account", live, 400);
        tombstone(clientId, "account-gone-long-ago", UUID.randomUUID(), 8);
        tombstone(clientId, "account-gone-recently", UUID.randomUUID(), 6);

        VertxContextSupport.subscribeAndAwait(() -> retention.purgeOnce());

        assertThat(NativeSql.count("select count(*) from unlinked_device where client_id = ?1", clientId)).isEqualTo(2);
        assertThat(NativeSql.count("select count(*) from unlinked_device where client_id = ?1 and vendor_device_id in "
                + "('account-gone-recently', 'kept-with-its-account')", clientId)).isEqualTo(2);
        assertThat(NativeSql.count("select count(*) from pg_indexes where indexname = 'unlinked_device_unlinked'"))
                .isEqualTo(1);
    }
}
