package io.plugmate.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.plugmate.testinfra.DatabaseRelay;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 13 (the fault suite's PostgreSQL row): with the database down every endpoint but the webhooks answered 500 and
 * logged an ERROR per request. Now service-commons' problem mappers answer any request that meets the outage with 503
 * problem+json and {@code Retry-After}, the outage is one ERROR, and its end one INFO once the database answers again
 * (this library's {@link DatabaseOutage} asks it) — for reads and writes of any resource alike.
 * <p>
 * A fault test, not in the default run (its own application start): {@code ./mvnw -B -o -pl libs/service-messaging
 * verify -Dplugmate.fault-tests=true -Dtest=DatabaseDownTest}. The application reaches the module's PostgreSQL
 * through a {@link DatabaseRelay}, which the test takes down (connections reset, new ones refused) and brings back.
 */
@QuarkusTest
@TestProfile(DatabaseDownTest.BehindRelay.class)
@EnabledIfSystemProperty(named = "plugmate.fault-tests", matches = "true")
class DatabaseDownTest {

    static final DatabaseRelay RELAY = new DatabaseRelay();

    public static class BehindRelay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            RELAY.up();
            // the profile's name is looked up first: wins over the URL the module's test resource names
            return Map.of("%test.quarkus.datasource.reactive.url", RELAY.reactiveUrl());
        }
    }

    @TestHTTPResource("/notes")
    URI notes;

    @Inject
    DatabaseOutage outage;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> write(String text) throws Exception {
        return send(HttpRequest.newBuilder(notes).POST(HttpRequest.BodyPublishers.ofString(text))
                .header("Content-Type", "text/plain"));
    }

    private HttpResponse<String> read(String id) throws Exception {
        return send(HttpRequest.newBuilder(notes.resolve("/notes/" + id)).GET());
    }

    private static void assertUnavailable(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.headers().firstValue("Retry-After")).hasValue("10");
        assertThat(response.body()).contains("\"status\":503").doesNotContain("Connection refused");
    }

    @Test
    void everyRequestMeetingTheOutageIs503WithRetryAfterAndTheOutageIsLoggedOnceWithItsEnd() throws Exception {
        HttpResponse<String> created = write("before the outage");
        assertThat(created.statusCode()).isEqualTo(200);
        String id = created.body().trim();

        outage.reachable();
        try {
            RELAY.down();
            for (int i = 0; i < 3; i++) {
                assertUnavailable(read(id));
                assertUnavailable(write("during the outage " + i));
            }
            // one outage, logged once as it began (DatabaseOutageTest: one ERROR however many requests)
            assertThat(outage.ongoing()).isTrue();

            RELAY.up();
            // its end is noticed by the outage's own probe, without a request
            await().atMost(Duration.ofSeconds(60)).until(() -> !outage.ongoing());
            assertThat(read(id).statusCode()).isEqualTo(200);
            assertThat(read(id).body()).isEqualTo("before the outage");
        } finally {
            RELAY.up();
        }
    }
}
