package io.plugmate.benchmarks.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which API requests {@code ./plugmate bench load rest} sends and in what proportion ({@code --mix
 * vehicle=4,pairs=3,statistics=2,command=1}): request n of the run is the {@code n mod total}-th entry of a fixed
 * interleaved cycle, so every step sends the same mix at every rate, spread evenly over time.
 */
record RestMix(Map<Operation, Integer> weights, List<Operation> cycle) {

    /** The requests: what an API client does most, through the gateway's public paths. */
    enum Operation {
        /** {@code GET /vehicles/{id}} — vehicle-service, one row by id and tenant. */
        VEHICLE("vehicle-service", "/vehicles/{id}"),
        /** {@code GET /pairs?userId=} — pairing-service, a user's pairs (one page). */
        PAIRS("pairing-service", "/pairs"),
        /** {@code GET /statistics/charging?type=vehicle&id=&userId=&resolution=DAY&startDate=} — 30 daily buckets. */
        STATISTICS("statistics-service", "/statistics/charging"),
        /** {@code POST /vehicles/{id}/charging} START or STOP by turns — orchestration-service writes an action. */
        COMMAND("orchestration-service", "/vehicles/{id}/charging");

        private final String service;
        private final String uri;

        Operation(String service, String uri) {
            this.service = service;
            this.uri = uri;
        }

        /** The service that answers it. */
        String service() {
            return service;
        }

        /** Its path template, as the services' {@code http_server_requests_seconds{uri=…}} name it. */
        String uri() {
            return uri;
        }

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static final String DEFAULT = "vehicle=4,pairs=3,statistics=2,command=1";

    static RestMix parse(String mix) {
        Map<Operation, Integer> weights = new LinkedHashMap<>();
        for (String part : mix.split(",")) {
            String[] kv = part.trim().split("=");
            int weight = kv.length == 2 ? Integer.parseInt(kv[1].trim()) : 1;
            if (weight < 0) {
                throw new IllegalArgumentException("--mix: a weight must not be negative: " + part);
            }
            if (weight > 0) {
                weights.put(Operation.valueOf(kv[0].trim().toUpperCase(java.util.Locale.ROOT)), weight);
            }
        }
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("--mix names no request");
        }
        // interleaved: each operation's turns spread over the cycle (smooth weighted round robin)
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        Map<Operation, Integer> current = new LinkedHashMap<>();
        weights.keySet().forEach(op -> current.put(op, 0));
        List<Operation> cycle = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            weights.forEach((op, w) -> current.merge(op, w, Integer::sum));
            Operation next = current.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            current.merge(next, -total, Integer::sum);
            cycle.add(next);
        }
        return new RestMix(Map.copyOf(weights), List.copyOf(cycle));
    }

    Operation operation(long n) {
        return cycle.get((int) (n % cycle.size()));
    }

    /** The services the mix needs running. */
    List<String> services() {
        return weights.keySet().stream().map(Operation::service).distinct().toList();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Operation op : Operation.values()) {
            if (weights.containsKey(op)) {
                text.append(text.isEmpty() ? "" : ",").append(op.label()).append('=').append(weights.get(op));
            }
        }
        return text.toString();
    }
}
