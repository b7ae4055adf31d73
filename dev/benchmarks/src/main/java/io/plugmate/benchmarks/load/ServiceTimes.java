package io.plugmate.benchmarks.load;

import java.util.LinkedHashMap;
import java.util.Map;

import io.plugmate.benchmarks.load.RestMix.Operation;

/**
 * Where a step's API time went, from the services' own {@code /q/metrics} (issue 14 point 5): the mean time each
 * request spent inside the service that answered it ({@code http_server_requests_seconds} of its path template, the
 * difference of {@code _sum} over {@code _count} between two scrapes) and, through the gateway, inside the gateway
 * (which includes the service's time). The rest of the client's latency is queueing before the server took the request
 * and the generator's own delays.
 */
final class ServiceTimes {

    static final String GATEWAY = "gateway";
    private static final String METRIC = "http_server_requests_seconds";

    private ServiceTimes() {
    }

    /** Mean milliseconds per operation label, and under {@code "gateway"} the edge's mean over all it forwarded. */
    static Map<String, Double> between(Map<String, String> before, Map<String, String> after, RestMix mix,
            boolean gateway) {
        Map<String, Double> means = new LinkedHashMap<>();
        for (Operation op : Operation.values()) {
            if (mix.weights().containsKey(op)) {
                means.put(op.label(), mean(before.get(op.service()), after.get(op.service()), Map.of("uri", op.uri())));
            }
        }
        if (gateway) {
            means.put(GATEWAY, mean(before.get(GATEWAY), after.get(GATEWAY), Map.of()));
        }
        return means;
    }

    private static double mean(String before, String after, Map<String, String> labels) {
        if (before == null || after == null || before.isEmpty() || after.isEmpty()) {
            return Double.NaN;
        }
        double count = PrometheusText.sum(after, METRIC + "_count", labels)
                - PrometheusText.sum(before, METRIC + "_count", labels);
        double seconds = PrometheusText.sum(after, METRIC + "_sum", labels)
                - PrometheusText.sum(before, METRIC + "_sum", labels);
        return count <= 0 ? Double.NaN : 1000 * seconds / count;
    }
}
