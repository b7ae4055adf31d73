package io.plugmate.statistics.api;

import static io.plugmate.statistics.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.plugmate.events.PlugmateEvent;
import io.plugmate.statistics.Household;
import io.plugmate.statistics.Sessions;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The two endpoints over one seeded household: three home charges of the paired car on one evening and night.
 * Buckets, paging, CSV, validation, tenancy and security.
 */
@QuarkusTest
class StatisticsApiTest {

    static final String SESSIONS = "/statistics/charging/sessions";
    static final String CHARGING = "/statistics/charging";
    static Household h;
    static String token;

    @BeforeEach
    void seedOnce() {
        if (h != null) {
            return;
        }
        h = Household.fresh();
        token = Tokens.apiClient(h.clientId());
        List<PlugmateEvent> events = new ArrayList<>(List.of(h.activated(1, 0.9)));
        // 18:30–19:30 UTC at 8 kW: half of it before 19:00, half after
        events.addAll(h.homeCharge("s1", 30, 90, 8.0));
        events.add(h.deactivated(91, "vehicle reported unplugged"));
        events.add(h.activated(181, 0.9));
        events.addAll(h.homeCharge("s2", 180, 240, 4.0));
        events.add(h.deactivated(241, "vehicle reported unplugged"));
        events.add(h.activated(301, 0.9));
        events.addAll(h.homeCharge("s3", 300, 330, 6.0));
        events.add(h.deactivated(331, "vehicle reported unplugged"));
        h.publishAndAwait(events);
    }

    @Test
    void hourlyBucketsSplitASessionByWhenItsEnergyFlowed() {
        JsonPath hours = Sessions.buckets(token, "type=vehicle&id=" + h.vehicleId()
                + "&startDate=2026-11-24T18:00:00Z&endDate=2026-11-24T20:00:00Z&resolution=HOUR&utcOffset=1");

        assertThat(hours.<String> getList("date")).containsExactly("2026-11-24T19:00:00+01:00",
                "2026-11-24T20:00:00+01:00");
        assertThat(hours.getDouble("[0].kwhSum")).isCloseTo(4.0, within(0.15));
        assertThat(hours.getDouble("[1].kwhSum")).isCloseTo(4.0, within(0.15));
        assertThat(hours.getDouble("[0].kwhSum") + hours.getDouble("[1].kwhSum")).isCloseTo(8.0, within(0.002));
        assertThat(hours.getInt("[0].sessionCount")).isEqualTo(1);
        assertThat(hours.getDouble("[0].kw.max")).isCloseTo(8.0, within(0.3));
    }

    @Test
    void dayBucketsFollowTheTimezoneAndHoldEverySession() {
        JsonPath days = Sessions.buckets(token, "type=charger&id=" + h.chargerId()
                + "&startDate=2026-11-24&endDate=2026-11-26&resolution=DAY&timezone=Europe/Oslo");

        assertThat(days.<String> getList("date")).containsExactly("2026-11-24T00:00:00+01:00",
                "2026-11-25T00:00:00+01:00");
        // 8 + 4 + 3 kWh; the last charge ran from 23:00 to 23:30 UTC, after midnight in Oslo
        assertThat(days.getDouble("[0].kwhSum")).isCloseTo(12.0, within(0.002));
        assertThat(days.getDouble("[1].kwhSum")).isCloseTo(3.0, within(0.002));
        assertThat(days.getInt("[0].sessionCount")).isEqualTo(2);
    }

    @Test
    void sessionsArePagedBothWaysAndFiltered() {
        JsonPath first = Sessions.list(token, "userId=" + h.userId() + "&pageSize=2");
        assertThat(first.<String> getList("data.id")).containsExactly("s1", "s2");
        JsonPath second = Sessions.list(token, "userId=" + h.userId() + "&pageSize=2&after="
                + first.getString("pagination.after"));
        assertThat(second.<String> getList("data.id")).containsExactly("s3");
        JsonPath back = Sessions.list(token, "userId=" + h.userId() + "&pageSize=2&before="
                + second.getString("pagination.before"));
        assertThat(back.<String> getList("data.id")).containsExactly("s1", "s2");

        assertThat(Sessions.list(token, "type=vehicle&id=" + h.vehicleId() + "&attribution=ATTRIBUTED&source=NATIVE"
                + "&startDate=2026-11-24T21:00:00Z&endDate=2026-11-25").<String> getList("data.id"))
                .containsExactly("s2", "s3");
        assertThat(Sessions.list(token, "userId=" + h.userId() + "&source=ESTIMATED").getList("data")).isEmpty();
        assertThat(Sessions.list(token, "userId=" + h.userId() + "&attribution=GUEST").getList("data")).isEmpty();
    }

    @Test
    void theSameSessionsAsCsvForReconciliation() {
        Response csv = given().auth().oauth2(token).accept("text/csv")
                .get(SESSIONS + "?userId=" + h.userId() + "&pageSize=2");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.asString().lines().toList();
        assertThat(lines.getFirst()).startsWith("id,userId,source,basis,chargerId,vehicleId,startedAt,endedAt,energyKwh");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).startsWith("s1," + h.userId() + ",NATIVE,CHARGER_METER," + h.chargerId() + ","
                + h.vehicleId() + ",2026-11-24T18:30:00Z,2026-11-24T19:30:00Z,8.0,ATTRIBUTED," + h.pairId() + ",0.9,DETECTION");
        assertThat(csv.header("Link")).contains("rel=\"next\"").contains("after=");
    }

    @Test
    void aSessionByIdAndAnotherClientsSessionIs404() {
        given().auth().oauth2(token).get(SESSIONS + "/s2").then().statusCode(200)
                .body("energyKwh", org.hamcrest.Matchers.equalTo(4.0f));
        String other = Tokens.apiClient("someone-else-" + h.clientId());

        assertProblem(given().auth().oauth2(other).get(SESSIONS + "/s2"), 404);
        assertProblem(given().auth().oauth2(token).get(SESSIONS + "/nope"), 404);
        assertThat(Sessions.list(other, "userId=" + h.userId()).getList("data")).isEmpty();
        assertThat(Sessions.buckets(other, "type=vehicle&id=" + h.vehicleId() + "&startDate=2026-11-24&endDate="
                + "2026-11-25").getDouble("[0].kwhSum")).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "startDate=2026-11-24&endDate=2026-11-25|type",
            "type=boat&startDate=2026-11-24|type",
            "type=vehicle|startDate",
            "type=vehicle&startDate=yesterday|startDate",
            "type=vehicle&startDate=2026-11-24&endDate=2026-11-23|endDate",
            "type=vehicle&startDate=2026-11-01&endDate=2026-11-09&resolution=QUARTER_HOUR|endDate",
            "type=vehicle&startDate=2026-01-01&endDate=2026-03-01&resolution=HOUR|endDate",
            "type=vehicle&startDate=2026-11-24&resolution=MINUTE|resolution",
            "type=vehicle&startDate=2026-11-24&utcOffset=5.1|utcOffset",
            "type=vehicle&startDate=2026-11-24&utcOffset=+15:00|utcOffset",
            "type=vehicle&startDate=2026-11-24&timezone=Mars/Olympus|timezone",
            "type=vehicle&startDate=2026-11-24&timezone=Europe/Oslo&utcOffset=1|timezone",
            "type=vehicle&id=a%20b&startDate=2026-11-24|id",
            "type=vehicle&userId=%3Cscript%3E&startDate=2026-11-24|userId" })
    void invalidStatisticsParametersAreProblemsNamingTheField(String query, String field) {
        Response response = assertProblem(given().auth().oauth2(token).urlEncodingEnabled(false)
                .get(CHARGING + "?" + query), 400);

        assertThat(response.jsonPath().<String> getList("errors.field")).contains(field);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = { "source=METER|source", "attribution=MINE|attribution", "pageSize=0|pageSize",
            "after=garbage|after", "id=x|type", "startDate=2026-11-24&endDate=2026-11-24|endDate" })
    void invalidSessionParametersAreProblemsNamingTheField(String query, String field) {
        Response response = assertProblem(given().auth().oauth2(token).get(SESSIONS + "?" + query), 400);

        assertThat(response.jsonPath().<String> getList("errors.field")).contains(field);
    }

    @ParameterizedTest
    @ValueSource(strings = { SESSIONS, SESSIONS + "/s1", CHARGING + "?type=vehicle&startDate=2026-11-24" })
    void everyEndpointWantsAValidTokenWithTheApiClientRole(String path) {
        assertProblem(given().get(path), 401);
        assertProblem(given().auth().oauth2(Tokens.unknownKey(h.clientId())).get(path), 401);
        assertProblem(given().auth().oauth2(Tokens.expired(h.clientId())).get(path), 401);
        assertProblem(given().auth().oauth2(Tokens.unsigned(h.clientId())).get(path), 401);
        assertProblem(given().auth().oauth2(Tokens.admin(h.clientId())).get(path), 403);
    }
}
