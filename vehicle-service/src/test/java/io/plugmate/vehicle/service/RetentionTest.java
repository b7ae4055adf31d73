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

    @Test
    void everyRuleIsServedByAnIndexOnItsTimeColumn() throws Throwable {
        assertThat(NativeSql.count("""
                select count(*) from pg_indexes where indexname in
                ('vehicle_observation_received', 'webhook_delivery_received', 'link_session_expiry')""")).isEqualTo(3);
        assertThat(retention.rules()).extracting(rule -> rule.table()).contains("vehicle_observation",
                "webhook_delivery", "link_session");
    }
}
