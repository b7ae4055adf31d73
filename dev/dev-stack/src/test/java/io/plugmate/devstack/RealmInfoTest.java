package io.plugmate.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The realm export is the contract the services rely on (roles, audience); check the real file. */
class RealmInfoTest {

    private final RealmInfo realm = RealmInfo.read(Path.of("keycloak/plugmate-realm.json"));

    @Test
    void hasTwoApiClientsAndOneAdminClient() {
        assertThat(realm.realm()).isEqualTo("plugmate");
        assertThat(realm.clients()).extracting(RealmInfo.Client::clientId)
                .containsExactly("acme-energy", "volt-charge", "plugmate-ops");
        assertThat(realm.client("acme-energy").orElseThrow().roles()).containsExactly("api-client");
        assertThat(realm.client("volt-charge").orElseThrow().roles()).containsExactly("api-client");
        assertThat(realm.client("plugmate-ops").orElseThrow().roles()).containsExactlyInAnyOrder("admin", "api-client");
    }

    @Test
    void tokensCarryThePlugmateApiAudience() {
        assertThat(realm.audience()).contains("plugmate-api");
    }

    @Test
    void secretsAreVisiblyLocalDevOnes() {
        assertThat(realm.clients()).allSatisfy(client -> assertThat(client.secret()).startsWith("local-dev-"));
    }
}
