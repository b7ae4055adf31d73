package io.plugmate.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SummaryTest {

    private final RealmInfo realm = new RealmInfo("plugmate", Optional.of("plugmate-api"), List.of(
            new RealmInfo.Client("acme-energy", "local-dev-acme", List.of("api-client")),
            new RealmInfo.Client("plugmate-ops", "local-dev-ops", List.of("admin", "api-client"))));

    private final Summary summary = new Summary(List.of(
            new Summary.Row("Keycloak", "http://localhost:8180", "admin console http://localhost:8180/admin",
                    Duration.ofMillis(9_400)),
            new Summary.Row("oem-simulator", "http://localhost:8090", "", Duration.ofMillis(3_100))),
            List.of("skipped vehicle-service: vehicle-service/target/quarkus-app/quarkus-run.jar is not built"),
            realm, Duration.ofSeconds(12));

    @Test
    void saysWhatIsWhere() {
        String text = summary.render();

        assertThat(text).contains("ready in 12.0 s")
                .contains("oem-simulator  http://localhost:8090  (ready in 3.1 s)")
                .contains("skipped vehicle-service")
                .contains("issuer http://localhost:8180/realms/plugmate, audience plugmate-api")
                .contains("acme-energy   secret local-dev-acme  roles api-client")
                .contains("plugmate-ops  secret local-dev-ops  roles admin, api-client")
                .contains("LOCAL-DEV")
                .contains("Ctrl-C stops everything");
    }

    @Test
    void printsACopyPasteTokenRequest() {
        assertThat(summary.render())
                .contains("curl -s -u acme-energy:local-dev-acme -d grant_type=client_credentials "
                        + "http://localhost:8180/realms/plugmate/protocol/openid-connect/token")
                .contains("export TOKEN=$(./plugmate token acme-energy)")
                .doesNotContain("localhost:8080/vehicles");
    }

    @Test
    void showsTheApiThroughTheGatewayWhenItRuns() {
        Summary withGateway = new Summary(List.of(new Summary.Row("gateway", "http://localhost:8080",
                "the whole API on one port", Duration.ofMillis(2_000))), List.of(), realm, Duration.ofSeconds(12));
        assertThat(withGateway.render())
                .contains("curl -H \"Authorization: Bearer $TOKEN\" http://localhost:8080/vehicles");
    }
}
