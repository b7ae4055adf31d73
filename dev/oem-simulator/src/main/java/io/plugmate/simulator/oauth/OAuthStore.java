package io.plugmate.simulator.oauth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Singleton;

import io.plugmate.simulator.config.SimulatorConfig;
import io.plugmate.simulator.domain.Vendor;

/**
 * Codes, grants and tokens. Expiry runs on the wall clock, not simulated time: the platform's token refresh lives in
 * real time, and a fast simulation must not make its tokens expire early. Tokens are opaque random strings.
 */
@Singleton
public class OAuthStore {

    private record Code(String clientId, String redirectUri, Vendor vendor, String accountId, String scope,
            Instant expiresAt) {
    }

    private record Token(String grantId, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();
    private final SimulatorConfig.OAuth config;
    private final Map<String, Code> codes = new ConcurrentHashMap<>();
    private final Map<String, Grant> grants = new ConcurrentHashMap<>();
    private final Map<String, Token> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Token> refreshTokens = new ConcurrentHashMap<>();
    /** Revocation requests still to refuse with 503 (a sandbox outage of the revocation endpoint). */
    private final AtomicInteger revocationOutage = new AtomicInteger();

    public OAuthStore(SimulatorConfig config) {
        this.config = config.oauth();
    }

    public String issueCode(String clientId, String redirectUri, Vendor vendor, String accountId, String scope) {
        String code = "ac_" + secret();
        codes.put(code, new Code(clientId, redirectUri, vendor, accountId, scope, clock.instant().plus(config.codeTtl())));
        return code;
    }

    /** Authorization-code grant; a code works once, for the client and redirect URI it was issued to. */
    public TokenResponse exchangeCode(String clientId, Vendor vendor, String code, String redirectUri) {
        Code issued = code == null ? null : codes.remove(code);
        if (issued == null || !issued.clientId().equals(clientId) || issued.vendor() != vendor
                || clock.instant().isAfter(issued.expiresAt())) {
            throw new OAuthException("invalid_grant", "authorization code is invalid, expired or already used");
        }
        if (!issued.redirectUri().equals(redirectUri)) {
            throw new OAuthException("invalid_grant", "redirect_uri does not match the authorization request");
        }
        Grant grant = new Grant("grant_" + secret(), clientId, vendor, issued.accountId(), issued.scope(), clock.instant());
        grants.put(grant.id(), grant);
        return tokensFor(grant);
    }

    /** Refresh-token grant; rotates the refresh token (the old one stops working), as most OEM clouds do. */
    public TokenResponse refresh(String clientId, Vendor vendor, String refreshToken) {
        Token token = refreshToken == null ? null : refreshTokens.remove(refreshToken);
        Grant grant = token == null ? null : grants.get(token.grantId());
        if (grant == null || !grant.clientId().equals(clientId) || grant.vendor() != vendor
                || clock.instant().isAfter(token.expiresAt())) {
            throw new OAuthException("invalid_grant", "refresh token is invalid, expired or revoked");
        }
        return tokensFor(grant);
    }

    /** Sandbox: the next {@code failures} revocation requests are answered 503 (and change nothing). */
    public void failRevocations(int failures) {
        revocationOutage.set(failures);
    }

    /**
     * RFC 7009: revoking either token ends the whole grant; unknown tokens are silently accepted. During a sandbox outage
     * the request is refused with 503, as RFC 7009 §2.2.1 allows, and the client must try again.
     */
    public void revoke(String clientId, String tokenValue) {
        if (revocationOutage.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new OAuthException(503, "temporarily_unavailable", "revocation is unavailable; try again later");
        }
        Token token = accessTokens.get(tokenValue);
        if (token == null) {
            token = refreshTokens.get(tokenValue);
        }
        if (token != null) {
            Grant grant = grants.get(token.grantId());
            if (grant != null && grant.clientId().equals(clientId)) {
                endGrant(grant.id());
            }
        }
    }

    public Optional<Caller> authenticate(Vendor vendor, String accessToken) {
        Token token = accessTokens.get(accessToken);
        if (token == null || clock.instant().isAfter(token.expiresAt())) {
            return Optional.empty();
        }
        Grant grant = grants.get(token.grantId());
        return grant == null || grant.vendor() != vendor ? Optional.empty() : Optional.of(new Caller(accessToken, grant));
    }

    public boolean hasActiveGrant(String clientId, String accountId) {
        return grants.values().stream().anyMatch(g -> g.clientId().equals(clientId) && g.accountId().equals(accountId));
    }

    public List<Grant> grantsOf(String accountId) {
        return grants.values().stream().filter(g -> g.accountId().equals(accountId)).toList();
    }

    /** The user revoked access (or changed the password) at the OEM: every grant of the account ends. */
    public int revokeAccount(String accountId) {
        List<Grant> ended = grantsOf(accountId);
        ended.forEach(g -> endGrant(g.id()));
        return ended.size();
    }

    /** Sandbox shortcut: the account's access tokens expire now (refresh tokens keep working). */
    public void expireAccessTokens(String accountId) {
        Instant past = clock.instant().minusSeconds(1);
        accessTokens.replaceAll((value, token) -> accountId.equals(accountOfGrant(token.grantId()))
                ? new Token(token.grantId(), past)
                : token);
    }

    private String accountOfGrant(String grantId) {
        Grant grant = grants.get(grantId);
        return grant == null ? null : grant.accountId();
    }

    private void endGrant(String grantId) {
        grants.remove(grantId);
        accessTokens.values().removeIf(t -> t.grantId().equals(grantId));
        refreshTokens.values().removeIf(t -> t.grantId().equals(grantId));
    }

    private TokenResponse tokensFor(Grant grant) {
        Instant now = clock.instant();
        String access = "at_" + secret();
        String refresh = "rt_" + secret();
        accessTokens.put(access, new Token(grant.id(), now.plus(config.accessTokenTtl())));
        refreshTokens.put(refresh, new Token(grant.id(), now.plus(config.refreshTokenTtl())));
        return new TokenResponse(access, "Bearer", config.accessTokenTtl().toSeconds(), refresh, grant.scope(),
                grant.accountId());
    }

    private String secret() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
