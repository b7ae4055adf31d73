package io.plugmate.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void theDelayDoublesUpToTheCapThenItGivesUp() {
        RestartPolicy policy = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(5), 4,
                Duration.ofMinutes(10));

        assertThat(policy.onDeath(T)).isEqualTo(new RestartPolicy.Decision(false, Duration.ofSeconds(1), 1));
        assertThat(policy.onDeath(T.plusSeconds(10))).isEqualTo(
                new RestartPolicy.Decision(false, Duration.ofSeconds(2), 2));
        assertThat(policy.onDeath(T.plusSeconds(20))).isEqualTo(
                new RestartPolicy.Decision(false, Duration.ofSeconds(4), 3));
        assertThat(policy.onDeath(T.plusSeconds(30))).isEqualTo(
                new RestartPolicy.Decision(false, Duration.ofSeconds(5), 4));
        assertThat(policy.onDeath(T.plusSeconds(40)).giveUp()).isTrue();
    }

    @Test
    void deathsOutsideTheWindowAreForgiven() {
        RestartPolicy policy = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 2,
                Duration.ofMinutes(10));
        policy.onDeath(T);
        policy.onDeath(T.plusSeconds(60));

        RestartPolicy.Decision later = policy.onDeath(T.plus(Duration.ofMinutes(30)));

        assertThat(later).isEqualTo(new RestartPolicy.Decision(false, Duration.ofSeconds(1), 1));
    }

    @Test
    void eachPartHasItsOwnHistory() {
        RestartPolicy shared = RestartPolicy.DEFAULT.copy();
        shared.onDeath(T);

        assertThat(RestartPolicy.DEFAULT.copy().onDeath(T).attempt()).isEqualTo(1);
    }
}
