package io.plugmate.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevSecretsTest {

    @Test
    void generatedOnceThenKept(@TempDir Path dir) {
        Path file = dir.resolve(".plugmate/dev-secrets.properties");

        Map<String, String> first = DevSecrets.loadOrCreate(file);
        Map<String, String> second = DevSecrets.loadOrCreate(file);

        assertThat(first).containsOnlyKeys("secrets.oem-client-secret", "secrets.oem-credentials-key",
                "secrets.webhook-secret-tesla", "secrets.webhook-secret-voltra", "secrets.webhook-secret-nordauto",
                "secrets.webhook-secret-dormio", "secrets.webhook-secret-amperia", "secrets.webhook-secret-wattbox",
                "secrets.webhook-secret-zapline");
        assertThat(first.values()).doesNotHaveDuplicates();
        assertThat(second).isEqualTo(first);
        assertThat(Base64.getDecoder().decode(first.get("secrets.oem-credentials-key"))).hasSize(32);
    }

    @Test
    void differentPerMachine(@TempDir Path a, @TempDir Path b) {
        assertThat(DevSecrets.loadOrCreate(a.resolve("s.properties")))
                .isNotEqualTo(DevSecrets.loadOrCreate(b.resolve("s.properties")));
    }
}
