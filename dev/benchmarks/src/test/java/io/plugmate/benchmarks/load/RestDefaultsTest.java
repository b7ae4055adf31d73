package io.plugmate.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * REST's defaults for a cold stack: {@code --warmup} long enough for the JIT, and {@code --settle}, the seconds a step
 * sends before its latencies count. REST settles by default (its first seconds
 * follow the pause and the snapshots between steps); the event benchmarks keep their steps as measured before.
 */
class RestDefaultsTest {

    private static LoadOptions parse(String... args) {
        String[] withJvm = new String[args.length + 2];
        System.arraycopy(args, 0, withJvm, 0, args.length);
        withJvm[args.length] = "--jvm-opts";
        withJvm[args.length + 1] = "-Xmx64m";
        return LoadOptions.parse(withJvm);
    }

    @Test
    void restSettlesFiveSecondsAndTheEventBenchmarksNone() {
        assertThat(parse("rest").settle()).isEqualTo(Duration.ofSeconds(5));
        assertThat(parse("topics").settle()).isZero();
        assertThat(parse("webhooks").settle()).isZero();
    }

    @Test
    void restWarmsUpLongEnoughForAColdStack() {
        assertThat(parse("rest").warmup()).isEqualTo(Duration.ofSeconds(120));
        assertThat(parse("topics").warmup()).isEqualTo(Duration.ofSeconds(15));
        assertThat(parse("rest", "--warmup", "30").warmup()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anyCommandTakesItsOwnSettling() {
        assertThat(parse("rest", "--settle", "0").settle()).isZero();
        assertThat(parse("topics", "--settle", "10").settle()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aNegativeSettlingIsRefused() {
        assertThatThrownBy(() -> parse("rest", "--settle", "-1")).hasMessageContaining("--settle");
    }
}
