package io.plugmate.commons.security;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.plugmate.commons.time.WallClock;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.oidc.runtime.OidcUtils;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer tokens this service has verified, remembered until they expire: a client sends the same token with every
 * request, and verifying it (RSA signature, parsing it twice, issuer, audience, expiry — quarkus-oidc) was half of the
 * gateway's CPU samples at 1,000 requests/s, and behind the gateway, in vehicle-service, 17 % of the CPU samples and
 * 45 % of all it allocated while serving {@code GET /vehicles/{id}} (jose4j's JSON parser takes a 32 KiB buffer for each
 * part it reads), a young collection every ~45 ms at 2,000 reads/s offered (dev/benchmarks README, session 12).
 * Every Plugmate service and the gateway have it (a bean of this library); Envoy's JWT filter (under {@code k8s/}'s
 * Envoy Gateway) can keep the same kind of cache ({@code jwt_cache_config}).
 * <p>
 * Only a token quarkus-oidc accepted is remembered (a refused one is verified, and refused, every time), under its exact
 * text, and only while it is valid: never past its {@code exp}, and at most {@link #LONGEST} (a key withdrawn from the
 * issuer's JWKS stops being honoured here within that). A request with a remembered token gets the identity
 * quarkus-oidc built for it, with this request's routing context (the remembered identity is kept without the first
 * request's, so no finished request stays in memory with it).
 */
@ApplicationScoped
public class VerifiedTokens implements IdentityProvider<TokenAuthenticationRequest> {

    static final Duration LONGEST = Duration.ofMinutes(5);

    private final OidcIdentityProvider oidc;
    private final Cache<String, Verified> verified = Caffeine.newBuilder().expireAfterWrite(LONGEST)
            .maximumSize(10_000).build();

    public VerifiedTokens(OidcIdentityProvider oidc) {
        this.oidc = oidc;
    }

    /** An identity quarkus-oidc built for a token, and the token's expiry. */
    record Verified(SecurityIdentity identity, Instant expires) {

        /** Like the verification itself: a token is expired from its {@code exp} on. */
        boolean validAt(Instant now) {
            return now.isBefore(expires);
        }
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** Asked before quarkus-oidc, which it asks itself for a token it does not remember. */
    @Override
    public int priority() {
        return oidc.priority() + 1;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof AccessTokenCredential)) {
            return Uni.createFrom().nullItem(); // quarkus-oidc's own answer to anything else
        }
        String token = request.getToken().getToken();
        Verified known = verified.getIfPresent(token);
        if (known != null && known.validAt(WallClock.now())) {
            return Uni.createFrom().item(
                    forRequest(known.identity(), HttpSecurityUtils.getRoutingContextAttribute(request), context));
        }
        if (known != null) {
            verified.invalidate(token);
        }
        return oidc.authenticate(request, context).invoke(identity -> remember(token, identity));
    }

    /** Whether a token is remembered as verified (and not yet expired); for tests and diagnostics. */
    public boolean remembers(String token) {
        Verified known = verified.getIfPresent(token);
        return known != null && known.validAt(WallClock.now());
    }

    /** The identity remembered for a token; null when none; for tests and diagnostics. */
    public SecurityIdentity remembered(String token) {
        Verified known = verified.getIfPresent(token);
        return known == null ? null : known.identity();
    }

    private void remember(String token, SecurityIdentity identity) {
        if (identity != null && identity.getAttribute(OidcUtils.QUARKUS_IDENTITY_EXPIRE_TIME) instanceof Long exp) {
            // kept without the first request's routing and authentication contexts (each request gets its own in
            // forRequest): a remembered token must not hold a finished request, its headers and body, in memory
            SecurityIdentity detached = QuarkusSecurityIdentity.builder(identity)
                    .addAttribute(RoutingContext.class.getName(), null)
                    .addAttribute(AuthenticationRequestContext.class.getName(), null).build();
            verified.put(token, new Verified(detached, Instant.ofEpochSecond(exp)));
        }
    }

    /**
     * The identity as quarkus-oidc builds it for a request: the request's own routing context and authentication
     * context among its attributes, the latter also on the routing context (where quarkus-oidc puts it).
     */
    private static SecurityIdentity forRequest(SecurityIdentity identity, RoutingContext routing,
            AuthenticationRequestContext authentication) {
        var builder = QuarkusSecurityIdentity.builder(identity);
        if (routing != null) {
            routing.put(AuthenticationRequestContext.class.getName(), authentication);
            builder.addAttribute(RoutingContext.class.getName(), routing);
            builder.addAttribute(AuthenticationRequestContext.class.getName(), authentication);
        }
        return builder.build();
    }
}
