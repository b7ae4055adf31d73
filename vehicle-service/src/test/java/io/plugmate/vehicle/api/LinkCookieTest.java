package io.plugmate.vehicle.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The link cookie's attributes follow the callback URL the OEM sends the browser back to. */
class LinkCookieTest {

    private static final UUID SESSION = UUID.fromString("66982257-bca1-4095-b207-495bd72d5fae");

    @Test
    void behindHttpsTheCookieIsSecureAndScopedToTheCallbackPath() {
        var cookie = new LinkCookie(URI.create("https://api.example.com/plugmate/link-sessions/callback"),
                Duration.ofMinutes(15));

        assertThat(cookie.issue(SESSION, "n0nce")).startsWith("plugmate_link_" + SESSION + "=n0nce; ")
                .contains("; Path=/plugmate/link-sessions/callback", "; Max-Age=900", "; Expires=", "; HttpOnly",
                        "; SameSite=Lax", "; Secure");
    }

    @Test
    void overPlainHttpOnTheDevelopersMachineItCannotBeSecure() {
        var cookie = new LinkCookie(URI.create("http://localhost:8080/link-sessions/callback"), Duration.ofMinutes(15));

        assertThat(cookie.issue(SESSION, "n0nce")).doesNotContain("Secure");
    }

    @Test
    void theCallbackClearsIt() {
        var cookie = new LinkCookie(URI.create("https://api.example.com/link-sessions/callback"), Duration.ofMinutes(15));

        assertThat(cookie.clear(SESSION)).startsWith("plugmate_link_" + SESSION + "=; ").contains("; Max-Age=0");
    }
}
