package io.plugmate.simulator.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With the ticker on, simulated time runs by itself (here 600x), as in the local stack. */
@QuarkusTest
@TestProfile(TickerTest.Running.class)
class TickerTest {

    public static class Running implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("plugmate.simulator.clock.ticker-enabled", "true",
                    "plugmate.simulator.clock.speed", "600",
                    "plugmate.simulator.clock.tick-interval", "PT0.2S");
        }
    }

    @Test
    void simulatedTimeRunsFasterThanTheWallClock() {
        Instant first = now();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(now()).isAfter(first.plus(Duration.ofMinutes(10))));
        given().get("/sandbox/reports?limit=1").then().statusCode(200);
    }

    private static Instant now() {
        return Instant.parse(given().get("/sandbox/time").then().statusCode(200).extract().path("now"));
    }
}
