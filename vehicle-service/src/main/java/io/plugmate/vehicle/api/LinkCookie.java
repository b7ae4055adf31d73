package io.plugmate.vehicle.api;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.plugmate.commons.time.WallClock;
import io.plugmate.oem.OemConfig;
import io.plugmate.vehicle.config.LinkConfig;

/**
 * The cookie that binds a link session to the browser that opened its link URL (RFC 6749 §10.12, docs/adr/0012): one
 * per session (a browser may link two accounts at once), holding a nonce whose hash the session keeps; sent only to
 * the callback ({@code Path} of {@code plugmate.oem.callback-url}), HttpOnly, SameSite=Lax (the OEM's redirect back is
 * a top-level GET, which Lax lets through), Secure when the callback is https, gone when the session would expire.
 */
@ApplicationScoped
public class LinkCookie {

    static final String PREFIX = "plugmate_link_";

    private final String path;
    private final boolean secure;
    private final Duration lifetime;

    @Inject
    public LinkCookie(OemConfig oem, LinkConfig link) {
        this(URI.create(oem.callbackUrl()), link.sessionTtl());
    }

    LinkCookie(URI callback, Duration lifetime) {
        this.path = callback.getRawPath();
        this.secure = "https".equalsIgnoreCase(callback.getScheme());
        this.lifetime = lifetime;
    }

    static String name(UUID sessionId) {
        return PREFIX + sessionId;
    }

    /** The {@code Set-Cookie} value the start answers with. */
    String issue(UUID sessionId, String nonce) {
        return header(sessionId, nonce, lifetime);
    }

    /** The {@code Set-Cookie} value the callback answers with: the session is done, the browser forgets it. */
    String clear(UUID sessionId) {
        return header(sessionId, "", Duration.ZERO);
    }

    private String header(UUID sessionId, String value, Duration maxAge) {
        // Expires besides Max-Age: HTTP clients that still follow RFC 2965 (the JDK's CookieManager) read a cookie
        // with Max-Age alone as a version-1 cookie and send it back quoted
        String expires = DateTimeFormatter.RFC_1123_DATE_TIME.format(WallClock.now().plus(maxAge).atOffset(ZoneOffset.UTC));
        return name(sessionId) + "=" + value + "; Path=" + path + "; Max-Age=" + maxAge.toSeconds() + "; Expires="
                + expires + "; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
    }
}
