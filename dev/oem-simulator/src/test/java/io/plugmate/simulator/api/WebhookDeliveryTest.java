package io.plugmate.simulator.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class WebhookDeliveryTest {

    private static final String SECRET = "test-webhook-secret-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookReceiver receiver;
    private String webhookId;

    @BeforeEach
    void register() throws Exception {
        receiver = new WebhookReceiver();
        webhookId = given().auth().preemptive().basic(Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET)
                .contentType(ContentType.JSON).body(Map.of("url", receiver.url(), "secret", SECRET))
                .post("/oem/tesla/webhooks").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/oem/tesla/webhooks/wh_"))
                .body("secret", equalTo(SECRET), "url", equalTo(receiver.url())).extract().path("id");
    }

    @AfterEach
    void unregister() {
        given().auth().preemptive().basic(Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET)
                .delete("/oem/tesla/webhooks/{id}", webhookId).then().statusCode(204);
        receiver.close();
    }

    @Test
    void linkedAccountsReportsArriveSignedWithHmacSha256() throws Exception {
        JsonPath linked = Sandbox.household(List.of("TESLA"), List.of("TESLA"));
        JsonPath unlinked = Sandbox.household(List.of("TESLA"), List.of("TESLA"));
        Sandbox.link("TESLA", Sandbox.account(linked, "TESLA"));
        String chargerId = linked.getString("chargers[0].id");
        Sandbox.plug(linked.getString("vehicles[0].id"), chargerId);
        Sandbox.plug(unlinked.getString("vehicles[0].id"), unlinked.getString("chargers[0].id"));
        Sandbox.advance("PT5M");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(receiver.received())
                .anySatisfy(r -> {
                    JsonNode body = JSON.readTree(r.body());
                    assertThat(body.path("report").path("chargerId").asText()).isEqualTo(chargerId);
                    assertThat(body.path("report").path("isCharging").asBoolean()).isTrue();
                }));

        // every TESLA account this client linked (other tests link some too) reports here
        List<WebhookReceiver.Received> received = receiver.received();
        assertThat(received).allSatisfy(r -> {
            assertThat(verify(r.header("X-Oem-Signature"), r.body())).isTrue();
            assertThat(r.header("X-Oem-Vendor")).isEqualTo("TESLA");
            assertThat(r.header("X-Oem-Event")).isIn("vehicle.state", "charger.state");
            assertThat(r.header("Content-Type")).startsWith("application/json");
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("deliveryId").asText()).isEqualTo(r.header("X-Oem-Delivery-Id"));
            assertThat(body.path("event").asText()).isEqualTo(r.header("X-Oem-Event"));
        });
        String accountId = (String) Sandbox.account(linked, "TESLA").get("accountId");
        assertThat(received).filteredOn(r -> r.body().contains(chargerId))
                .allSatisfy(r -> assertThat(JSON.readTree(r.body()).path("accountId").asText()).isEqualTo(accountId));
        assertThat(received.stream().map(r -> r.header("X-Oem-Delivery-Id")).distinct()).hasSize(received.size());
        assertThat(received).noneSatisfy(r -> assertThat(r.body()).contains(unlinked.getString("chargers[0].id")));
        // a tampered body no longer matches its signature
        WebhookReceiver.Received any = received.getFirst();
        assertThat(verify(any.header("X-Oem-Signature"), any.body().replace("TESLA", "TESLB"))).isFalse();
    }

    @Test
    void registrationRequiresClientCredentialsAndAValidUrl() {
        given().contentType(ContentType.JSON).body(Map.of("url", receiver.url())).post("/oem/tesla/webhooks")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().preemptive().basic(Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET).contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://nowhere")).post("/oem/tesla/webhooks")
                .then().statusCode(400).body("errors[0].field", equalTo("url"));
        String generated = given().auth().preemptive().basic(Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET)
                .contentType(ContentType.JSON).body(Map.of("url", receiver.url())).post("/oem/tesla/webhooks")
                .then().statusCode(201).body("secret", startsWith("whsec_")).extract().path("id");
        given().auth().preemptive().basic(Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET).get("/oem/tesla/webhooks")
                .then().statusCode(200).body("data.size()", equalTo(2));
        given().auth().preemptive().basic(Sandbox.CLIENT_ID, Sandbox.CLIENT_SECRET)
                .delete("/oem/tesla/webhooks/{id}", generated).then().statusCode(204);
        // other clients neither see nor delete it
        given().auth().preemptive().basic("other-client", "other-secret").delete("/oem/tesla/webhooks/{id}", webhookId)
                .then().statusCode(404);
    }

    /** What a receiver does: recompute HMAC_SHA256(secret, t + "." + body) and compare with v1. */
    private static boolean verify(String header, String body) throws Exception {
        Map<String, String> parts = new java.util.HashMap<>();
        for (String part : header.split(",")) {
            String[] kv = part.split("=", 2);
            parts.put(kv[0], kv[1]);
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = HexFormat.of()
                .formatHex(mac.doFinal((parts.get("t") + "." + body).getBytes(StandardCharsets.UTF_8)));
        long age = System.currentTimeMillis() / 1000 - Long.parseLong(parts.get("t"));
        return expected.equals(parts.get("v1")) && age >= 0;
    }
}
