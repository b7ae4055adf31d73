package io.plugmate.orchestration.api;

import static io.plugmate.orchestration.api.Problems.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import io.plugmate.events.ClientFeaturesChanged;
import io.plugmate.events.Topics;
import io.plugmate.orchestration.Topic;
import io.plugmate.testinfra.KafkaResource;
import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Self-serve toggles: the admin API, what a client reads, what every service gets on client-features, the audit. */
@QuarkusTest
class FeatureAdminTest {

    private static final String OPS = "plugmate-ops";

    private static Response put(String token, String clientId, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .put("/admin/clients/" + clientId + "/features");
    }

    private static Map<String, Object> feature(JsonPath features, String key) {
        return features.getMap("features.find { it.key == '" + key + "' }");
    }

    @Test
    void aClientSeesTheDefaultsUntilAnAdminOverridesThem() {
        String client = "client-" + UUID.randomUUID();

        JsonPath before = given().auth().oauth2(Tokens.apiClient(client)).get("/features").then().statusCode(200)
                .body("clientId", equalTo(client)).body("updatedAt", nullValue()).extract().jsonPath();
        assertThat(before.getList("features.key")).containsExactly("pairing-detection", "improved-charge-rate",
                "enhanced-charge-rate-estimate", "capability-unlocking", "command-orchestration",
                "native-session-statistics", "unified-charger-controls");
        assertThat(before.getList("features.source")).containsOnly("default");
        assertThat(feature(before, "unified-charger-controls")).containsEntry("enabled", false);

        put(Tokens.admin(OPS), client, "{\"features\":{\"command-orchestration\":false,"
                + "\"unified-charger-controls\":true}}").then().statusCode(200)
                .body("updatedBy", equalTo("service-account-" + OPS));

        JsonPath after = given().auth().oauth2(Tokens.apiClient(client)).get("/features").then().statusCode(200)
                .extract().jsonPath();
        assertThat(feature(after, "command-orchestration")).containsEntry("enabled", false)
                .containsEntry("source", "override");
        assertThat(feature(after, "unified-charger-controls")).containsEntry("enabled", true)
                .containsEntry("source", "override");
        assertThat(feature(after, "capability-unlocking")).containsEntry("enabled", true)
                .containsEntry("source", "default");
        given().auth().oauth2(Tokens.admin(OPS)).get("/admin/clients/" + client + "/features").then().statusCode(200)
                .body("features.find { it.key == 'command-orchestration' }.source", equalTo("override"));
        // another client is untouched
        given().auth().oauth2(Tokens.apiClient("client-" + UUID.randomUUID())).get("/features").then()
                .body("features.find { it.key == 'command-orchestration' }.enabled", equalTo(true));
    }

    @Test
    void everyChangeIsPublishedOnTheCompactedTopicKeyedByClient() throws Exception {
        String client = "client-" + UUID.randomUUID();
        try (var topic = Topic.of(Topics.CLIENT_FEATURES, ClientFeaturesChanged.class, client)) {
            put(Tokens.admin(OPS), client, "{\"features\":{\"capability-unlocking\":false}}").then().statusCode(200);
            ClientFeaturesChanged first = topic.await(e -> true);
            assertThat(first.features()).isEqualTo(Map.of("capability-unlocking", false));
            assertThat(topic.records()).singleElement().satisfies(r -> assertThat(r.key()).isEqualTo(client));

            put(Tokens.admin(OPS), client, "{\"features\":{}}").then().statusCode(200);
            assertThat(topic.await(e -> e.features().isEmpty()).userId()).isNull();
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers",
                System.getProperty(KafkaResource.BOOTSTRAP_PROPERTY)))) {
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CLIENT_FEATURES);
            assertThat(admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource)
                    .get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void whoChangedWhatAndWhenIsKept() {
        String client = "client-" + UUID.randomUUID();
        put(Tokens.admin(OPS), client, "{\"features\":{\"command-orchestration\":false}}").then().statusCode(200);
        put(Tokens.admin("second-admin"), client, "{\"features\":{\"command-orchestration\":false}}").then()
                .statusCode(200);
        put(Tokens.admin("second-admin"), client, "{\"features\":{\"unified-charger-controls\":true}}").then()
                .statusCode(200);

        JsonPath changes = given().auth().oauth2(Tokens.admin(OPS)).queryParam("pageSize", 2)
                .get("/admin/clients/" + client + "/features/changes").then().statusCode(200).extract().jsonPath();
        assertThat(changes.getList("data.feature")).containsExactly("command-orchestration", "command-orchestration");
        assertThat(changes.getList("data.from")).containsExactly(null, false);
        assertThat(changes.getList("data.to")).containsExactly(false, null);
        assertThat(changes.getList("data.changedBy")).containsExactly("service-account-" + OPS,
                "service-account-second-admin");
        assertThat(changes.getString("data[0].changedByClient")).isEqualTo(OPS);
        assertThat(changes.getString("data[0].changedAt")).isNotNull();
        given().auth().oauth2(Tokens.admin(OPS)).queryParam("after", changes.getString("pagination.after"))
                .get("/admin/clients/" + client + "/features/changes").then().statusCode(200)
                .body("data.feature", equalTo(List.of("unified-charger-controls")));
    }

    @Test
    void invalidOverridesAreProblemsNamingTheFeature() {
        String admin = Tokens.admin(OPS);

        assertProblem(put(admin, "acme", "{\"features\":{\"warp-drive\":true}}"), 400).then()
                .body("errors[0].field", equalTo("features.warp-drive"));
        assertProblem(put(admin, "acme", "{\"features\":{\"command-orchestration\":null}}"), 400).then()
                .body("errors[0].field", equalTo("features.command-orchestration"));
        assertProblem(put(admin, "acme", "{\"features\":{\"command-orchestration\":\"no\"}}"), 400);
        assertProblem(put(admin, "acme", "{}"), 400).then().body("errors[0].field", equalTo("features"));
        assertProblem(put(admin, "not a client", "{\"features\":{}}"), 400);
    }

    @Test
    void theAdminEndpointsNeedTheAdminRole() {
        String client = "client-" + UUID.randomUUID();
        String path = "/admin/clients/" + client + "/features";
        String apiClient = Tokens.apiClient(client);

        assertProblem(given().get(path), 401);
        assertProblem(given().contentType("application/json").body("{\"features\":{}}").put(path), 401);
        assertProblem(given().get(path + "/changes"), 401);
        assertProblem(given().auth().oauth2(Tokens.expired(client)).get(path), 401);
        assertProblem(given().auth().oauth2(apiClient).get(path), 403);
        assertProblem(put(apiClient, client, "{\"features\":{\"command-orchestration\":true}}"), 403);
        assertProblem(given().auth().oauth2(apiClient).get(path + "/changes"), 403);
        assertProblem(given().auth().oauth2(Tokens.admin(client)).get("/features"), 403);
        given().auth().oauth2(apiClient).get("/features").then().statusCode(200);
    }
}
