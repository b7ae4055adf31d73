package io.plugmate.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** ./plugmate run takes its JVMs' settings from the file k8s/'s Deployments take theirs from. */
class JvmSettingsTest {

    @Test
    void theServicesGetTheEnvironmentOfK8sJvmFile() {
        JvmSettings settings = JvmSettings.read(Path.of("../.."));
        assertThat(settings.environment().get("JDK_JAVA_OPTIONS")).contains("-XX:+UseSerialGC",
                "-XX:MaxRAMPercentage=");
        assertThat(settings.environment()).containsEntry("MALLOC_ARENA_MAX", "2");
    }

    @Test
    void readsAnEnvFileAsKustomizeDoes() {
        JvmSettings settings = JvmSettings.parse("""
                # a comment
                JDK_JAVA_OPTIONS=-XX:+UseSerialGC -Dx=a=b

                  MALLOC_ARENA_MAX=2
                """);
        assertThat(settings.environment()).containsOnly(
                java.util.Map.entry("JDK_JAVA_OPTIONS", "-XX:+UseSerialGC -Dx=a=b"),
                java.util.Map.entry("MALLOC_ARENA_MAX", "2"));
        assertThatThrownBy(() -> JvmSettings.parse("no equals sign")).isInstanceOf(IllegalArgumentException.class);
    }
}
