package io.plugmate.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The form the consent page posts, built from the page's URL as vehicle-service redirects to it. */
class SimulatedConsentTest {

    // the Location vehicle-service answered on a real `./plugmate run`
    private static final URI CONSENT_PAGE = URI.create("http://localhost:8090/oem/tesla/oauth/authorize"
            + "?response_type=code&client_id=plugmate&redirect_uri=http%3A%2F%2Flocalhost%3A8081%2Flink-sessions"
            + "%2Fcallback&state=66982257-bca1-4095-b207-495bd72d5fae.WwQAHZhN1ixuiBW0JvIZy44jCavIHZnH4Kgx94aFjq8"
            + "&scope=devices+charging");

    private final DemoAccount account = new DemoAccount("acct", "TESLA", "hh-0001", "hh-0001@tesla.sim", "p&w=1",
            List.of("veh-00001"), List.of());

    @Test
    void theFormRepeatsTheAuthorizationRequestAndAddsTheLoginAndTheApproval() {
        assertThat(SimulatedConsent.consentForm(CONSENT_PAGE, account)).containsExactly(
                Map.entry("response_type", "code"),
                Map.entry("client_id", "plugmate"),
                Map.entry("redirect_uri", "http://localhost:8081/link-sessions/callback"),
                Map.entry("state", "66982257-bca1-4095-b207-495bd72d5fae.WwQAHZhN1ixuiBW0JvIZy44jCavIHZnH4Kgx94aFjq8"),
                Map.entry("scope", "devices charging"),
                Map.entry("username", "hh-0001@tesla.sim"),
                Map.entry("password", "p&w=1"),
                Map.entry("decision", "approve"));
    }

    @Test
    void theFormIsEncodedSoEveryValueArrivesAsItWas() {
        Map<String, String> fields = SimulatedConsent.consentForm(CONSENT_PAGE, account);

        String body = SimulatedConsent.form(fields);

        assertThat(body).contains("password=p%26w%3D1", "username=hh-0001%40tesla.sim");
        assertThat(SimulatedConsent.query(URI.create("http://x/?" + body))).isEqualTo(fields);
    }

    @Test
    void theOutcomeIsReadFromTheRedirectToTheApiClient() {
        var success = new SimulatedConsent.Outcome(URI.create("http://localhost:9999/linked?linkSessionId=s-1&status=success"),
                SimulatedConsent.query(URI.create("http://localhost:9999/linked?linkSessionId=s-1&status=success")));
        var denied = new SimulatedConsent.Outcome(
                URI.create("http://localhost:9999/linked?linkSessionId=s-2&error=access_denied"),
                SimulatedConsent.query(URI.create("http://localhost:9999/linked?linkSessionId=s-2&error=access_denied")));

        assertThat(success.succeeded()).isTrue();
        assertThat(success.linkSessionId()).isEqualTo("s-1");
        assertThat(denied.succeeded()).isFalse();
        assertThat(denied.error()).isEqualTo("access_denied");
    }
}
