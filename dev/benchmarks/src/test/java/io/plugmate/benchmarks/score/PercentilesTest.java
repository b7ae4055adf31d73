package io.plugmate.benchmarks.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankAlwaysPicksAValueThatOccurred() {
        List<Integer> values = List.of(4, 1, 3, 2);

        assertThat(Percentiles.of(values, 50)).isEqualTo(2.0);
        assertThat(Percentiles.of(values, 95)).isEqualTo(4.0);
        assertThat(Percentiles.of(values, 100)).isEqualTo(4.0);
        assertThat(Percentiles.of(List.of(7), 50)).isEqualTo(7.0);
        assertThat(Percentiles.of(List.<Integer> of(), 50)).isNaN();
    }
}
