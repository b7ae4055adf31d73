package io.plugmate.commons.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

class TenantClaimsTest {

    @Test
    void prefersTheAuthorizedParty() {
        assertThat(TenantClaims.clientId(Map.of("azp", "acme", "client_id", "other")::get)).contains("acme");
    }

    @Test
    void fallsBackToClientId() {
        assertThat(TenantClaims.clientId(Map.of("client_id", "acme")::get)).contains("acme");
        assertThat(TenantClaims.clientId(Map.of("azp", " ", "client_id", "acme")::get)).contains("acme");
    }

    @Test
    void isEmptyWithoutEitherClaim() {
        assertThat(TenantClaims.clientId(Map.of("sub", "someone")::get)).isEmpty();
    }

    @Test
    void unwrapsJsonStringsWithoutTheirQuotes() {
        assertThat(TenantClaims.clientId(Map.of("azp", Json.createValue("acme"))::get)).contains("acme");
    }
}
