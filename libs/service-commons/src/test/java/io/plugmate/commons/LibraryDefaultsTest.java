package io.plugmate.commons;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySizeConverter;

/**
 * The defaults every service gets from this library (its test application overrides some of them, so they are read
 * from the file itself).
 */
class LibraryDefaultsTest {

    private static Properties defaults() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = LibraryDefaultsTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        return defaults;
    }

    @Test
    void requestBodiesAreLimitedFarBelowQuarkusTenMegabytes() throws IOException {
        long limit = new MemorySizeConverter().convert(defaults().getProperty("quarkus.http.limits.max-body-size"))
                .asLongValue();

        assertThat(limit).isPositive().isLessThanOrEqualTo(64 * 1024);
    }

    @Test
    void ourTargetLimitAnswersBeforeNettysBareOne() throws IOException {
        Properties defaults = defaults();

        assertThat(Integer.parseInt(defaults.getProperty("plugmate.http.max-uri-length")))
                .isLessThan(Integer.parseInt(defaults.getProperty("quarkus.http.limits.max-initial-line-length")) / 2);
    }

    @Test
    void endpointsWithoutASecurityAnnotationAreDenied() throws IOException {
        assertThat(defaults().getProperty("quarkus.security.jaxrs.deny-unannotated-endpoints")).isEqualTo("true");
    }
}
