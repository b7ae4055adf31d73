package io.plugmate.vehicle.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.events.DeviceCapabilities;
import io.plugmate.events.DeviceLinked;
import io.plugmate.events.DeviceUpdated;
import io.plugmate.events.EventJson;
import io.plugmate.events.OemAccountLinked;
import io.plugmate.events.PlugmateEvent;
import io.plugmate.events.Topics;
import io.plugmate.testinfra.KafkaTestClient;
import io.plugmate.testinfra.Tokens;
import io.plugmate.vehicle.Query;
import io.plugmate.vehicle.SeededVehicles;
import io.plugmate.vehicle.Simulator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class LinkFlowTest {

    private static final String REDIRECT = "https://app.example.com/linked";

    private static JsonPath createLink(String clientId, String userId, String body) {
        return given().auth().oauth2(Tokens.apiClient(clientId)).contentType("application/json").body(body)
                .post("/users/" + userId + "/link").then().statusCode(201).extract().jsonPath();
    }

    /** What the starting browser holds after opening the link URL: the consent page and the link cookie. */
    private record Started(URI consentPage, String cookieName, String cookieValue) {
    }

    /** The browser opens the link URL; we answer with a redirect to the OEM's consent page and the link cookie. */
    private static Started start(String linkUrl) {
        URI link = URI.create(linkUrl);
        var response = given().redirects().follow(false).get(link.getPath() + "?" + link.getRawQuery())
                .then().statusCode(303).extract().response();
        var cookie = response.getDetailedCookies().asList().stream()
                .filter(c -> c.getName().startsWith("plugmate_link_")).findFirst().orElseThrow();
        return new Started(URI.create(response.header("Location")), cookie.getName(), cookie.getValue());
    }

    private static URI open(String linkUrl) {
        return start(linkUrl).consentPage();
    }

    /** The OEM sends the browser back to our callback; the browser sends the cookie the start set. */
    private static Map<String, String> callBack(Started browser, URI oemRedirect) {
        String location = given().redirects().follow(false).cookie(browser.cookieName(), browser.cookieValue())
                .get(oemRedirect.getPath() + "?" + oemRedirect.getRawQuery())
                .then().statusCode(303).extract().header("Location");
        assertThat(location).startsWith(REDIRECT + "?");
        return Query.parse(URI.create(location).getRawQuery());
    }

    @Test
    void aTeslaAccountLinksItsVehicleAndAnnouncesItsCharger() {
        String clientId = "client-" + UUID.randomUUID();
        JsonPath household = Simulator.household("[\"TESLA\"]", "[\"TESLA\"]");
        String userId = household.getString("id");
        String oemVehicleId = household.getString("vehicles[0].id");
        Map<String, Object> account = household.getMap("accounts[0]");

        try (var lifecycle = KafkaTestClient.reader(Topics.DEVICE_LIFECYCLE);
                var accounts = KafkaTestClient.reader(Topics.OEM_ACCOUNTS)) {
            JsonPath link = createLink(clientId, userId, """
                    {"vendor":"TESLA","vendorTypes":["vehicle","charger"],
                     "scopes":["vehicle:read:data","vehicle:control:charging","charger:read:data"],
                     "redirectUri":"%s"}""".formatted(REDIRECT));
            Started browser = start(link.getString("linkUrl"));
            URI consentPage = browser.consentPage();
            assertThat(consentPage.toString()).startsWith(Simulator.url() + "/oem/tesla/oauth/authorize?");

            URI back = Simulator.consent(consentPage, (String) account.get("username"),
                    (String) account.get("password"), "approve");
            Map<String, String> outcome = callBack(browser, back);

            assertThat(outcome).containsEntry("status", "success")
                    .containsEntry("linkSessionId", link.getString("linkSessionId"));
            given().auth().oauth2(Tokens.apiClient(clientId)).get("/link-sessions/" + link.getString("linkSessionId"))
                    .then().statusCode(200).body("status", equalTo("COMPLETED"))
                    .body("vendorTypes", equalTo(List.of("vehicle", "charger")));
            String vehicleId = given().auth().oauth2(Tokens.apiClient(clientId)).get("/users/" + userId + "/vehicles")
                    .then().statusCode(200).body("data", hasSize(1)).body("data[0].vendor", equalTo("TESLA"))
                    .body("data[0].information.brand", equalTo("Tesla"))
                    .body("data[0].capabilities.startCharging.isCapable", equalTo(true))
                    .extract().path("data[0].id");

            await().atMost(Duration.ofSeconds(30)).until(() -> lifecycle.poll().stream()
                    .map(r -> EventJson.read(r.value(), PlugmateEvent.class))
                    .anyMatch(e -> e instanceof DeviceLinked linked && linked.deviceId().equals(vehicleId)));
            await().atMost(Duration.ofSeconds(30)).until(() -> accounts.poll().stream()
                    .anyMatch(r -> r.value().contains(clientId)));
            var announced = accounts.poll().stream().filter(r -> r.value().contains(clientId)).findFirst().orElseThrow();
            OemAccountLinked event = EventJson.read(announced.value(), OemAccountLinked.class);
            assertThat(event.vendor()).isEqualTo("TESLA");
            assertThat(event.oemAccountId()).isEqualTo(account.get("accountId"));
            // the credential travels sealed: no OEM token in the clear on Kafka
            assertThat(announced.value()).doesNotContain("at_").doesNotContain("rt_");
            assertThat(oemVehicleId).isNotBlank();
        }
    }

    @Test
    void aRefusedConsentFailsTheSessionAndLinksNothing() {
        String clientId = "client-" + UUID.randomUUID();
        JsonPath household = Simulator.household("[\"AMPERIA\"]", "[]");
        String userId = household.getString("id");
        Map<String, Object> account = household.getMap("accounts[0]");

        JsonPath link = createLink(clientId, userId, """
                {"vendor":"AMPERIA","vendorType":"vehicle","scopes":["vehicle:read:data"],"redirectUri":"%s"}"""
                .formatted(REDIRECT));
        Started browser = start(link.getString("linkUrl"));
        URI back = Simulator.consent(browser.consentPage(), (String) account.get("username"),
                (String) account.get("password"), "deny");
        Map<String, String> outcome = callBack(browser, back);

        assertThat(outcome).containsEntry("error", "access_denied");
        given().auth().oauth2(Tokens.apiClient(clientId)).get("/link-sessions/" + link.getString("linkSessionId"))
                .then().body("status", equalTo("FAILED")).body("failureReason", equalTo("access_denied"));
        given().auth().oauth2(Tokens.apiClient(clientId)).get("/users/" + userId + "/vehicles").then()
                .body("data", hasSize(0));
    }

    @Test
    void aLinkUrlWorksOnceAndOnlyWithItsToken() {
        String clientId = "client-" + UUID.randomUUID();
        JsonPath link = createLink(clientId, "user-1", """
                {"vendor":"TESLA","vendorType":"vehicle","scopes":["vehicle:read:data"],"redirectUri":"%s"}"""
                .formatted(REDIRECT));
        URI url = URI.create(link.getString("linkUrl"));

        given().redirects().follow(false).get(url.getPath() + "?linkToken=wrong").then().statusCode(404)
                .contentType("application/problem+json");
        open(link.getString("linkUrl"));
        given().redirects().follow(false).get(url.getPath() + "?" + url.getRawQuery()).then().statusCode(409);
    }

    @Test
    void withoutAVendorTheUserChoosesOne() {
        String clientId = "client-" + UUID.randomUUID();
        JsonPath link = createLink(clientId, "user-2", """
                {"vendorType":"charger","scopes":["charger:read:data"],"redirectUri":"%s"}""".formatted(REDIRECT));
        URI url = URI.create(link.getString("linkUrl"));

        String page = given().get(url.getPath() + "?" + url.getRawQuery()).then().statusCode(200)
                .contentType("text/html").extract().asString();
        assertThat(page).contains("WATTBOX", "ZAPLINE", "TESLA").doesNotContain("VOLTRA");

        String location = given().redirects().follow(false).get(url.getPath() + "?" + url.getRawQuery() + "&vendor=zapline")
                .then().statusCode(303).extract().header("Location");
        assertThat(location).startsWith(Simulator.url() + "/oem/zapline/oauth/authorize?");
    }

    @Test
    void aForgedOrReplayedCallbackIsRefused() {
        given().redirects().follow(false).get("/link-sessions/callback?state=garbage&code=x").then().statusCode(400)
                .contentType("application/problem+json");
        given().redirects().follow(false).get("/link-sessions/callback?state=" + UUID.randomUUID() + ".nonce&code=x")
                .then().statusCode(400);
    }

    @Test
    void invalidLinkRequestsListEveryProblem() {
        given().auth().oauth2(Tokens.apiClient("acme")).contentType("application/json").body("""
                {"vendor":"NOPE","vendorType":"toaster","scopes":["everything"],"redirectUri":"ftp://x"}""")
                .post("/users/u1/link").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("vendor", "vendorType", "scopes", "redirectUri"));
        given().auth().oauth2(Tokens.apiClient("acme")).contentType("application/json").body("""
                {"vendor":"WATTBOX","vendorType":"vehicle","scopes":["vehicle:read:data"],"redirectUri":"https://a.b/c"}""")
                .post("/users/u1/link").then().statusCode(400).body("errors[0].field", equalTo("vendorTypes"));
        given().auth().oauth2(Tokens.apiClient("acme")).contentType("application/json").body("{}")
                .post("/users/u1/link").then().statusCode(400);
        given().auth().oauth2(Tokens.apiClient("acme")).contentType("application/json").body("{not json")
                .post("/users/u1/link").then().statusCode(400);
        given().contentType("application/json").body("{}").post("/users/u1/link").then().statusCode(401);
    }

    /** The session id travels in the redirect: only https, or http to the user's own machine. */
    @Test
    void aRedirectUriMustBeHttpsOrLocal() {
        for (String redirect : List.of("http://app.example.com/linked", "https://user:pw@app.example.com/linked",
                "javascript:alert(1)", "//app.example.com/linked")) {
            given().auth().oauth2(Tokens.apiClient("acme")).contentType("application/json").body("""
                    {"vendor":"TESLA","vendorType":"vehicle","scopes":["vehicle:read:data"],"redirectUri":"%s"}"""
                    .formatted(redirect)).post("/users/u1/link").then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("redirectUri"));
        }
        createLink("acme", "u1", """
                {"vendor":"TESLA","vendorType":"vehicle","scopes":["vehicle:read:data"],
                 "redirectUri":"http://localhost:9999/linked"}""");
    }

    /** The OEM's error comes from the address bar: never reflected raw into the client's redirect. */
    @Test
    void anErrorInTheCallbackCannotAddToTheRedirect() {
        JsonPath link = createLink("client-" + UUID.randomUUID(), "user-4", """
                {"vendor":"TESLA","vendorType":"vehicle","scopes":["vehicle:read:data"],"redirectUri":"%s"}"""
                .formatted(REDIRECT));
        Started browser = start(link.getString("linkUrl"));
        String state = Query.parse(browser.consentPage().getRawQuery()).get("state");

        String location = given().redirects().follow(false).urlEncodingEnabled(false)
                .cookie(browser.cookieName(), browser.cookieValue())
                .get("/link-sessions/callback?state=" + URLEncoder.encode(state, StandardCharsets.UTF_8)
                        + "&error=x%26status%3Dsuccess%26next%3Dhttps%3A%2F%2Fevil.example")
                .then().statusCode(303).extract().header("Location");

        Map<String, String> outcome = Query.parse(URI.create(location).getRawQuery());
        assertThat(outcome).containsEntry("error", "oem_error").doesNotContainKeys("status", "next");
    }

    /**
     * Issue 13 #10 (RFC 6749 §10.12): the attacker opens the link URL of their own session and sends the consent page
     * on; the victim signs in at the OEM with their account and approves. Their browser has no cookie of that session
     * (or only one of its own session): refused, the code never exchanged, nothing linked to the attacker's user.
     * The browser that started the session still completes it.
     */
    @Test
    void aConsentPassedToAnotherBrowserLinksNothing() {
        String clientId = "client-" + UUID.randomUUID();
        JsonPath attacker = Simulator.household("[\"TESLA\"]", "[]");
        JsonPath victim = Simulator.household("[\"TESLA\"]", "[]");
        String attackerUser = attacker.getString("id");
        String request = """
                {"vendor":"TESLA","vendorType":"vehicle","scopes":["vehicle:read:data"],"redirectUri":"%s"}"""
                .formatted(REDIRECT);
        JsonPath link = createLink(clientId, attackerUser, request);
        Started attackersBrowser = start(link.getString("linkUrl"));
        Started victimsOwnSession = start(createLink(clientId, victim.getString("id"), request).getString("linkUrl"));

        URI back = Simulator.consent(attackersBrowser.consentPage(), victim.getString("accounts[0].username"),
                victim.getString("accounts[0].password"), "approve");
        String callback = back.getPath() + "?" + back.getRawQuery();
        given().redirects().follow(false).get(callback).then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
        given().redirects().follow(false).cookie(victimsOwnSession.cookieName(), victimsOwnSession.cookieValue())
                .get(callback).then().statusCode(403).contentType("application/problem+json");
        given().redirects().follow(false).cookie(attackersBrowser.cookieName(), victimsOwnSession.cookieValue())
                .get(callback).then().statusCode(403).contentType("application/problem+json");

        given().auth().oauth2(Tokens.apiClient(clientId)).get("/users/" + attackerUser + "/vehicles").then()
                .statusCode(200).body("data", hasSize(0));
        given().auth().oauth2(Tokens.apiClient(clientId)).get("/link-sessions/" + link.getString("linkSessionId"))
                .then().body("status", equalTo("STARTED"));

        URI own = Simulator.consent(attackersBrowser.consentPage(), attacker.getString("accounts[0].username"),
                attacker.getString("accounts[0].password"), "approve");
        assertThat(callBack(attackersBrowser, own)).containsEntry("status", "success");
        String linked = given().auth().oauth2(Tokens.apiClient(clientId)).get("/users/" + attackerUser + "/vehicles")
                .then().body("data", hasSize(1)).extract().path("data[0].id");
        assertThat(SeededVehicles.reload(UUID.fromString(linked)).vendorVehicleId)
                .isEqualTo(attacker.getString("vehicles[0].id"));
    }

    /**
     * Issue 13 #12: the scopes a link asked for govern the vehicle. Without vehicle:read:location its view has no
     * location; without vehicle:control:charging it offers no charging control of its own, and DeviceLinked says so to
     * orchestration (which then never commands it natively). A new link with other scopes changes both and announces
     * the change (DeviceUpdated); another client still gets 404.
     */
    @Test
    void theScopesOfTheLinkGovernLocationAndControl() {
        String clientId = "client-" + UUID.randomUUID();
        JsonPath household = Simulator.household("[\"TESLA\"]", "[]");
        String userId = household.getString("id");
        String login = household.getString("accounts[0].username");
        String password = household.getString("accounts[0].password");
        String dataOnly = """
                {"vendor":"TESLA","vendorType":"vehicle","scopes":["vehicle:read:data"],"redirectUri":"%s"}"""
                .formatted(REDIRECT);
        String everything = """
                {"vendor":"TESLA","vendorType":"vehicle","redirectUri":"%s",
                 "scopes":["vehicle:read:data","vehicle:read:location","vehicle:control:charging"]}""".formatted(REDIRECT);

        try (var lifecycle = KafkaTestClient.reader(Topics.DEVICE_LIFECYCLE)) {
            linkThroughTheBrowser(clientId, userId, dataOnly, login, password);
            String vehicleId = given().auth().oauth2(Tokens.apiClient(clientId)).get("/users/" + userId + "/vehicles")
                    .then().statusCode(200).extract().path("data[0].id");
            SeededVehicles.locate(UUID.fromString(vehicleId), 59.91, 10.75);
            DeviceCapabilities announced = await().atMost(Duration.ofSeconds(30)).until(
                    () -> announced(lifecycle, vehicleId), c -> c != null);
            assertThat(announced).isEqualTo(DeviceCapabilities.none());
            vehicle(clientId, vehicleId).body("location", equalTo(null))
                    .body("capabilities.location.isCapable", equalTo(false))
                    .body("capabilities.startCharging.isCapable", equalTo(false))
                    .body("capabilities.setMaxCurrent.isCapable", equalTo(false));

            linkThroughTheBrowser(clientId, userId, everything, login, password);
            vehicle(clientId, vehicleId).body("location.latitude", equalTo(59.91f))
                    .body("capabilities.location.isCapable", equalTo(true))
                    .body("capabilities.startCharging.isCapable", equalTo(true));
            await().atMost(Duration.ofSeconds(30)).until(() -> announced(lifecycle, vehicleId),
                    c -> c != null && c.startCharging() && c.stopCharging() && c.location());

            linkThroughTheBrowser(clientId, userId, dataOnly, login, password);
            vehicle(clientId, vehicleId).body("location", equalTo(null))
                    .body("capabilities.startCharging.isCapable", equalTo(false));
            await().atMost(Duration.ofSeconds(30)).until(() -> announced(lifecycle, vehicleId),
                    c -> c != null && !c.startCharging() && !c.location());

            given().auth().oauth2(Tokens.apiClient("client-" + UUID.randomUUID())).get("/vehicles/" + vehicleId)
                    .then().statusCode(404).contentType("application/problem+json");
        }
    }

    private static void linkThroughTheBrowser(String clientId, String userId, String request, String login,
            String password) {
        Started browser = start(createLink(clientId, userId, request).getString("linkUrl"));
        URI back = Simulator.consent(browser.consentPage(), login, password, "approve");
        assertThat(callBack(browser, back)).containsEntry("status", "success");
    }

    private static io.restassured.response.ValidatableResponse vehicle(String clientId, String vehicleId) {
        return given().auth().oauth2(Tokens.apiClient(clientId)).get("/vehicles/" + vehicleId).then().statusCode(200);
    }

    /** The capabilities the latest DeviceLinked/DeviceUpdated of this poll announced for the vehicle, else null. */
    private static DeviceCapabilities announced(KafkaTestClient.Reader reader, String vehicleId) {
        DeviceCapabilities latest = null;
        for (var record : reader.poll()) {
            PlugmateEvent event = EventJson.read(record.value(), PlugmateEvent.class);
            if (event instanceof DeviceLinked linked && linked.deviceId().equals(vehicleId)) {
                latest = linked.capabilities();
            } else if (event instanceof DeviceUpdated updated && updated.deviceId().equals(vehicleId)) {
                latest = updated.capabilities();
            }
        }
        return latest;
    }

    /** The cookie goes to the callback only, never to script, and lives as long as the session may. */
    @Test
    void theLinkCookieIsForTheCallbackOnly() {
        JsonPath link = createLink("client-" + UUID.randomUUID(), "user-5", """
                {"vendor":"TESLA","vendorType":"vehicle","scopes":["vehicle:read:data"],"redirectUri":"%s"}"""
                .formatted(REDIRECT));
        URI url = URI.create(link.getString("linkUrl"));

        String setCookie = given().redirects().follow(false).get(url.getPath() + "?" + url.getRawQuery()).then()
                .statusCode(303).extract().header("Set-Cookie");

        assertThat(setCookie).startsWith("plugmate_link_" + link.getString("linkSessionId") + "=")
                .contains("; Path=/link-sessions/callback", "; HttpOnly", "; SameSite=Lax", "; Max-Age=900")
                .doesNotContain("Secure");
    }

    @Test
    void anotherClientsLinkSessionIsNotFound() {
        JsonPath link = createLink("client-" + UUID.randomUUID(), "user-3", """
                {"vendor":"TESLA","vendorType":"vehicle","scopes":["vehicle:read:data"],"redirectUri":"%s"}"""
                .formatted(REDIRECT));

        given().auth().oauth2(Tokens.apiClient("client-" + UUID.randomUUID()))
                .get("/link-sessions/" + link.getString("linkSessionId")).then().statusCode(404);
        given().get("/link-sessions/" + link.getString("linkSessionId")).then().statusCode(401);
    }
}
