package io.plugmate.commons.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.plugmate.commons.features.ClientFeaturesRecord.Clear;
import io.plugmate.commons.features.ClientFeaturesRecord.Poison;
import io.plugmate.commons.features.ClientFeaturesRecord.Replace;
import io.plugmate.events.ClientFeaturesChanged;
import io.plugmate.events.EventJson;

class ClientFeaturesRecordTest {

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] event(String clientId, Map<String, Boolean> features) {
        return bytes(EventJson.write(new ClientFeaturesChanged(UUID.randomUUID(), 1, clientId, null, Instant.now(),
                features)));
    }

    @Test
    void aRecordReplacesTheClientsOverrides() {
        var outcome = ClientFeaturesRecord.interpret(bytes("acme"),
                event("acme", Map.of("capability-unlocking", false, "enhanced-charge-rate-estimate", true)));

        assertThat(outcome).isEqualTo(new Replace("acme", Map.of(Feature.CAPABILITY_UNLOCKING, false,
                Feature.ENHANCED_CHARGE_RATE_ESTIMATE, true)));
    }

    @Test
    void anEmptyMapOrATombstoneClears() {
        assertThat(ClientFeaturesRecord.interpret(bytes("acme"), event("acme", Map.of()))).isEqualTo(new Clear("acme"));
        assertThat(ClientFeaturesRecord.interpret(bytes("acme"), null)).isEqualTo(new Clear("acme"));
    }

    @Test
    void aMissingFeaturesMapClears() {
        String json = "{\"type\":\"ClientFeaturesChanged\",\"eventId\":\"" + UUID.randomUUID()
                + "\",\"schemaVersion\":1,\"clientId\":\"acme\",\"occurredAt\":\"2026-11-24T00:00:00Z\"}";

        assertThat(ClientFeaturesRecord.interpret(bytes("acme"), bytes(json))).isEqualTo(new Clear("acme"));
    }

    @Test
    void unknownFeatureKeysFromANewerProducerAreIgnored() {
        var outcome = ClientFeaturesRecord.interpret(bytes("acme"),
                event("acme", Map.of("teleportation", true, "pairing-detection", false)));

        assertThat(outcome).isEqualTo(new Replace("acme", Map.of(Feature.PAIRING_DETECTION, false)));
    }

    @Test
    void poisonRecordsSayWhy() {
        assertThat(ClientFeaturesRecord.interpret(null, event("acme", Map.of())))
                .isEqualTo(new Poison("record without a clientId key"));
        assertThat(ClientFeaturesRecord.interpret(bytes("acme"), bytes("{not json")))
                .isInstanceOfSatisfying(Poison.class,
                        p -> assertThat(p.reason()).startsWith("unreadable ClientFeaturesChanged"));
        assertThat(ClientFeaturesRecord.interpret(bytes("acme"), event("other", Map.of("pairing-detection", true))))
                .isEqualTo(new Poison("key 'acme' does not match clientId 'other'"));
    }

    @Test
    void anotherEventTypeIsPoison() {
        String json = "{\"type\":\"PairDissolved\",\"eventId\":\"" + UUID.randomUUID()
                + "\",\"schemaVersion\":1,\"clientId\":\"acme\",\"occurredAt\":\"2026-11-24T00:00:00Z\"}";

        assertThat(ClientFeaturesRecord.interpret(bytes("acme"), bytes(json))).isInstanceOf(Poison.class);
    }

    @Test
    void anUnsupportedSchemaVersionIsPoison() {
        String json = "{\"type\":\"ClientFeaturesChanged\",\"eventId\":\"" + UUID.randomUUID()
                + "\",\"schemaVersion\":2,\"clientId\":\"acme\",\"occurredAt\":\"2026-11-24T00:00:00Z\","
                + "\"features\":{}}";

        assertThat(ClientFeaturesRecord.interpret(bytes("acme"), bytes(json)))
                .isEqualTo(new Poison("unsupported schemaVersion 2"));
    }

    @Test
    void aNullToggleValueIsPoison() {
        String json = "{\"type\":\"ClientFeaturesChanged\",\"eventId\":\"" + UUID.randomUUID()
                + "\",\"schemaVersion\":1,\"clientId\":\"acme\",\"occurredAt\":\"2026-11-24T00:00:00Z\","
                + "\"features\":{\"pairing-detection\":null}}";

        assertThat(ClientFeaturesRecord.interpret(bytes("acme"), bytes(json))).isInstanceOf(Poison.class);
    }
}
