package io.plugmate.oem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.mutiny.Uni;

/** Every OEM call counted by vendor, operation and outcome; the call's own result passes through untouched. */
class OemCallMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final OemCallMetrics metrics = new OemCallMetrics(registry);

    @Test
    void eachOutcomeIsCountedUnderItsVendorAndOperation() {
        assertThat(metrics.measure("tesla", "state", () -> Uni.createFrom().item("ok")).await().indefinitely())
                .isEqualTo("ok");
        fail("TESLA", "state", new OemException(404, null, "gone", null));
        fail("TESLA", "command", new OemException(429, null, "slow down", null));
        fail("WATTBOX", "command", new OemException(503, null, "down", null));
        fail("WATTBOX", "refresh", new RuntimeException("wrapped", new TimeoutException("10000ms")));
        fail("WATTBOX", "devices", new ConnectException("Connection refused"));

        assertThat(count("TESLA", "state", "success")).isEqualTo(1);
        assertThat(count("TESLA", "state", "refused")).isEqualTo(1);
        assertThat(count("TESLA", "command", "throttled")).isEqualTo(1);
        assertThat(count("WATTBOX", "command", "server-error")).isEqualTo(1);
        assertThat(count("WATTBOX", "refresh", "timeout")).isEqualTo(1);
        assertThat(count("WATTBOX", "devices", "unreachable")).isEqualTo(1);
    }

    @Test
    void nothingIsCountedUntilTheCallIsSubscribed() {
        Uni<String> call = metrics.measure("TESLA", "state", () -> Uni.createFrom().item("ok"));
        assertThat(registry.find(OemCallMetrics.NAME).timers()).isEmpty();

        call.await().indefinitely();
        call.await().indefinitely();

        assertThat(count("TESLA", "state", "success")).isEqualTo(2);
    }

    private void fail(String vendor, String operation, RuntimeException failure) {
        assertThatThrownBy(() -> metrics.measure(vendor, operation, () -> Uni.createFrom().failure(failure)).await()
                .indefinitely()).isSameAs(failure);
    }

    private void fail(String vendor, String operation, Exception failure) {
        assertThatThrownBy(() -> metrics.measure(vendor, operation, () -> Uni.createFrom().failure(failure)).await()
                .indefinitely()).hasCause(failure);
    }

    private long count(String vendor, String operation, String outcome) {
        Timer timer = registry.find(OemCallMetrics.NAME).tags("vendor", vendor, "operation", operation, "outcome",
                outcome).timer();
        return timer == null ? 0 : timer.count();
    }
}
