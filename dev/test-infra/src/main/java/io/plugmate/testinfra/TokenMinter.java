package io.plugmate.testinfra;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/** Builds Keycloak-shaped client-credentials access tokens: tenant in azp/client_id, roles in realm_access.roles. */
final class TokenMinter {

    private final String issuer;
    private final RsaJsonWebKey signingKey;

    TokenMinter(String issuer, RsaJsonWebKey signingKey) {
        this.issuer = issuer;
        this.signingKey = signingKey;
    }

    String mint(TokenRequest request) {
        try {
            String payload = claims(request).toJson();
            return switch (request.signing()) {
                case VALID -> sign(payload, signingKey);
                case UNKNOWN_KEY -> sign(payload, strangerKey());
                case NONE -> unsigned(payload);
            };
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private JwtClaims claims(TokenRequest request) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(request.issuerOverride() != null ? request.issuerOverride() : issuer);
        if (request.audience() != null) {
            claims.setAudience(request.audience());
        }
        claims.setSubject("service-account-" + request.clientId());
        claims.setGeneratedJwtId();
        NumericDate now = NumericDate.now();
        claims.setIssuedAt(now);
        NumericDate expiry = NumericDate.fromSeconds(now.getValue() + request.expiresIn().toSeconds());
        claims.setExpirationTime(expiry);
        if (request.tenantClaim() == TokenRequest.TenantClaim.AZP || request.tenantClaim() == TokenRequest.TenantClaim.BOTH) {
            claims.setClaim("azp", request.clientId());
        }
        if (request.tenantClaim() == TokenRequest.TenantClaim.CLIENT_ID
                || request.tenantClaim() == TokenRequest.TenantClaim.BOTH) {
            claims.setClaim("client_id", request.clientId());
        }
        claims.setClaim("realm_access", Map.of("roles", request.roles()));
        claims.setClaim("typ", "Bearer");
        return claims;
    }

    private static String sign(String payload, RsaJsonWebKey key) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(payload);
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static RsaJsonWebKey strangerKey() throws JoseException {
        RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        stranger.setKeyId("not-published");
        return stranger;
    }

    private static String unsigned(String payload) {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".";
    }
}
