package io.plugmate.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.plugmate.benchmarks.load.RestMix.Operation;

class RestMixTest {

    @Test
    void everyCycleSendsEachOperationAsOftenAsItsWeightInterleaved() {
        RestMix mix = RestMix.parse(RestMix.DEFAULT);
        Map<Operation, Integer> counts = new EnumMap<>(Operation.class);
        for (long n = 0; n < 10_000; n++) {
            counts.merge(mix.operation(n), 1, Integer::sum);
        }
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(Operation.VEHICLE, 4000, Operation.PAIRS, 3000,
                Operation.STATISTICS, 2000, Operation.COMMAND, 1000));
        // spread, not in blocks: no operation twice in a row in the default mix but the heaviest
        for (int i = 1; i < mix.cycle().size(); i++) {
            if (mix.cycle().get(i) == mix.cycle().get(i - 1)) {
                assertThat(mix.cycle().get(i)).isEqualTo(Operation.VEHICLE);
            }
        }
        assertThat(mix).hasToString("vehicle=4,pairs=3,statistics=2,command=1");
        assertThat(mix.services()).containsExactlyInAnyOrder("vehicle-service", "pairing-service",
                "statistics-service", "orchestration-service");
    }

    @Test
    void aZeroWeightLeavesAnOperationOutAndNoneAtAllIsRefused() {
        RestMix reads = RestMix.parse("vehicle=1,pairs=1,statistics=1,command=0");
        assertThat(reads.weights()).doesNotContainKey(Operation.COMMAND);
        assertThat(RestMix.parse("vehicle").cycle()).containsExactly(Operation.VEHICLE);
        assertThatThrownBy(() -> RestMix.parse("vehicle=0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RestMix.parse("nothing=1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void serviceTimesComeFromTheHistogramsCountAndSum() {
        String before = """
                # TYPE http_server_requests_seconds histogram
                http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/vehicles/{id}"} 10
                http_server_requests_seconds_sum{method="GET",outcome="SUCCESS",status="200",uri="/vehicles/{id}"} 0.05
                http_server_requests_seconds_count{method="POST",outcome="SUCCESS",status="201",uri="/vehicles/{id}/charging"} 5
                """;
        String after = """
                http_server_requests_seconds_count{method="GET",outcome="SUCCESS",status="200",uri="/vehicles/{id}"} 100
                http_server_requests_seconds_sum{method="GET",outcome="SUCCESS",status="200",uri="/vehicles/{id}"} 0.5
                http_server_requests_seconds_count{method="GET",outcome="CLIENT_ERROR",status="404",uri="/vehicles/{id}"} 10
                http_server_requests_seconds_sum{method="GET",outcome="CLIENT_ERROR",status="404",uri="/vehicles/{id}"} 0.01
                http_server_requests_seconds_count{method="POST",outcome="SUCCESS",status="201",uri="/vehicles/{id}/charging"} 50
                """;
        Map<String, Double> means = ServiceTimes.between(Map.of("vehicle-service", before), Map.of("vehicle-service",
                after), RestMix.parse("vehicle"), false);
        // (0.5 + 0.01 - 0.05) s over (110 - 10) requests
        assertThat(means).containsOnlyKeys("vehicle");
        assertThat(means.get("vehicle")).isCloseTo(4.6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(PrometheusText.sum(after, "http_server_requests_seconds_count", Map.of("uri",
                "/vehicles/{id}/charging"))).isEqualTo(50);
    }
}
