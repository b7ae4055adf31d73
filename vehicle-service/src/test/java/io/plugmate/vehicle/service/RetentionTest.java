package io.plugmate.vehicle.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.plugmate.messaging.TableRetention;
import io.plugmate.testinfra.NativeSql;
import io.plugmate.testinfra.Tokens;
import io.plugmate.vehicle.SeededVehicles;
import io.plugmate.vehicle.persistence.VehicleEntity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Issue 13 point 6: observations (~700 a vehicle a day), webhook deliveries and link sessions only grew. Rows past their
 * window (30 days, 3 days, 7 days after expiry) go; newer ones stay.
 */
@QuarkusTest
class RetentionTest {

    @Inject
    TableRetention retention;

    private static String newLinkSession(String clientId) {
        return given().auth().oauth2(Tokens.apiClient(clientId)).contentType("application/json").body("""
                {"vendor":"TESLA","vendorType":"vehicle","scopes":["vehicle:read:data"],
                 "redirectUri":"https://app.example.com/linked"}""")
                .post("/users/user-" + UUID.randomUUID() + "/link").then().statusCode(201).extract()
                .path("linkSessionId");
    }

    @Test
    void rowsPastTheirWindowGoAndNewerOnesStay() throws Throwable {
        VehicleEntity v = SeededVehicles.seed("client-" + UUID.randomUUID(), "user-" + UUID.randomUUID());
        NativeSql.execute("""
                insert into vehicle_observation (vehicle_id, observed_at, received_at) values
                (?1, now() - interval '40 days', now() - interval '40 days'),
                (?1, now() - interval '31 days', now() - interval '31 days'),
                (?1, now() - interval '29 days', now() - interval '29 days'),
                (?1, now() - interval '1 hour', now())""", v.id);
        String oldDelivery = "TESLA:" + UUID.randomUUID();
        String recentDelivery = "TESLA:" + UUID.randomUUID();
        NativeSql.execute(
                "insert into webhook_delivery (delivery_id, vendor, received_at) values (?1, 'TESLA', now() - interval "
                        + "'4 days'), (?2, 'TESLA', now() - interval '2 days')",
                oldDelivery, recentDelivery);
        String clientId = "client-" + UUID.randomUUID();
        String longExpired = newLinkSession(clientId);
        String recentlyExpired = newLinkSession(clientId);
        String open = newLinkSession(clientId);
        NativeSql.execute("update link_session set expires_at = now() - interval '8 days' where id = ?1",
                UUID.fromString(longExpired));
        NativeSql.execute("update link_session set expires_at = now() - interval '6 days' where id = ?1",
                UUID.fromString(recentlyExpired));

        VertxContextSupport.subscribeAndAwait(() -> retention.purgeOnce());

        assertThat(NativeSql.count("select count(*) from vehicle_observation where vehicle_id = ?1", v.id)).isEqualTo(2);
        assertThat(NativeSql.count("select count(*) from vehicle_observation where vehicle_id = ?1 and received_at < now() - "
                + "interval '30 days'", v.id)).isZero();
        assertThat(NativeSql.count("select count(*) from webhook_delivery where delivery_id = ?1", oldDelivery)).isZero();
        assertThat(NativeSql.count("select count(*) from webhook_delivery where delivery_id = ?1", recentDelivery))
                .isEqualTo(1);
        assertThat(NativeSql.count("select count(*) from link_session where id = ?1", UUID.fromString(longExpired))).isZero();
        assertThat(NativeSql.count("select count(*) from link_session where id in (?1, ?2)", UUID.fromString(recentlyExpired),
                UUID.fromString(open))).isEqualTo(2);
        given().auth().oauth2(Tokens.apiClient(clientId)).get("/link-sessions/" + longExpired).then().statusCode(404);
    }

    private static void tombstone(String clientId, String device, UUID accountId, int daysAgo) throws Throwable {
        NativeSql.execute("""
                insert into unlinked_device (client_id, vendor, vendor_device_id, user_id, account_id, unlinked_at)
                values (?1, 'TESLA', ?2, 'user-1', ?3, now() - make_interval(days => ?4))""", clientId, device,
                accountId, daysAgo);
    }

    private static UUID revocation(int daysAgo, int attempts) throws Throwable {
        UUID id = UUID.randomUUID();
        NativeSql.execute("""
                insert into grant_revocation (id, account_id, vendor, sealed_token, attempts, next_attempt_at, created_at)
                values (?1, ?2, 'TESLA', 'sealed', ?3, now() + interval '1 hour', now() - make_interval(days => ?4))""",
                id, UUID.randomUUID(), attempts, daysAgo);
        return id;
    }

    /**
     * ADR 0011's tables: a tombstone stays while its account exists, however old (else the re-sync rediscovers the
     * device), and goes 7 days after its account is gone; a revocation the OEM never confirmed is given up after 90
     * days, and only once it was tried.
     */
    @Test
    void tombstonesOutliveTheirAccountBySevenDaysAndUnconfirmedRevocationsAreGivenUpAfterNinety() throws Throwable {
        String clientId = "client-" + UUID.randomUUID();
        UUID live = UUID.randomUUID();
        NativeSql.execute("""
                insert into oem_account (id, client_id, user_id, vendor, oem_account_id, sealed_access_token,
                access_token_expires_at, status, created_at, updated_at)
                values (?1, ?2, 'user-1', 'TESLA', ?3, 'sealed', now(), 'ACTIVE', now(), now())""", live, clientId,
                "acct-" + live);
        tombstone(clientId, "kept-with-its-account", live, 400);
        tombstone(clientId, "account-gone-long-ago", UUID.randomUUID(), 8);
        tombstone(clientId, "account-gone-recently", UUID.randomUUID(), 6);
        NativeSql.execute("""
                insert into unlinked_device (client_id, vendor, vendor_device_id, user_id, unlinked_at)
                values (?1, 'TESLA', 'no-account', 'user-1', now() - interval '8 days')""", clientId);
        UUID givenUp = revocation(91, 2000);
        UUID neverTried = revocation(91, 0);
        UUID stillTrying = revocation(89, 1500);

        VertxContextSupport.subscribeAndAwait(() -> retention.purgeOnce());

        assertThat(NativeSql.count("select count(*) from unlinked_device where client_id = ?1", clientId)).isEqualTo(2);
        assertThat(NativeSql.count("select count(*) from unlinked_device where client_id = ?1 and vendor_device_id in "
                + "('account-gone-recently', 'kept-with-its-account')", clientId)).isEqualTo(2);
        assertThat(NativeSql.count("select count(*) from grant_revocation where id = ?1", givenUp)).isZero();
        assertThat(NativeSql.count("select count(*) from grant_revocation where id in (?1, ?2)", neverTried,
                stillTrying)).isEqualTo(2);
    }

    @Test
    void everyRuleIsServedByAnIndexOnItsTimeColumn() throws Throwable {
        assertThat(NativeSql.count("""
                select count(*) from pg_indexes where indexname in
                ('vehicle_observation_received', 'webhook_delivery_received', 'link_session_expiry',
                'unlinked_device_unlinked', 'grant_revocation_created')""")).isEqualTo(5);
        assertThat(retention.rules()).extracting(rule -> rule.table()).contains("vehicle_observation",
                "webhook_delivery", "link_session", "unlinked_device", "grant_revocation");
    }
}
