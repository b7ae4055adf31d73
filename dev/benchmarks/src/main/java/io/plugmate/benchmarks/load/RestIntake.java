package io.plugmate.benchmarks.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import io.plugmate.benchmarks.load.RestMix.Operation;

/**
 * The API clients: authenticated requests of the {@link RestMix} at their due times, through the gateway (or straight
 * to each service with {@code --direct}), over at most {@code connections} HTTP/1.1 connections (the JDK's client opens
 * one per request in flight and keeps them; beyond that many in flight the generator waits, which shows as "generator
 * behind"). wrk2's constant-throughput model: each request's latency runs from its <b>due</b> time, not from when it
 * could be sent, so a stalled server is charged for every request that should have gone out meanwhile (no
 * coordinated omission). Request n is for household {@code n mod households}.
 */
final class RestIntake implements Intake {

    private static final long MAX_MICROS = 3_600_000_000L;

    private final Fleet fleet;
    private final RestMix mix;
    private final Function<Operation, String> baseUrl;
    private final String authorization;
    private final int connections;
    private final String startDate = LocalDate.now(ZoneOffset.UTC).minusDays(30).toString();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Semaphore inFlight;
    private final Recorder all = new Recorder(MAX_MICROS, 3);
    private final Map<Operation, Recorder> byOperation = new EnumMap<>(Operation.class);
    private final LongAdder ok = new LongAdder();
    private final LongAdder failed = new LongAdder();
    /** Answers that were not 2xx, by status (0: no answer), for the table's note. */
    private final Map<Integer, LongAdder> errors = new ConcurrentSkipListMap<>();

    /** @param baseUrl where each operation is sent: the gateway, or its own service */
    RestIntake(Fleet fleet, RestMix mix, Function<Operation, String> baseUrl, String token, int connections) {
        this.fleet = fleet;
        this.mix = mix;
        this.baseUrl = baseUrl;
        this.authorization = "Bearer " + token;
        this.connections = connections;
        this.inFlight = new Semaphore(connections);
        for (Operation op : Operation.values()) {
            byOperation.put(op, new Recorder(MAX_MICROS, 3));
        }
    }

    @Override
    public void send(long n, long due, Instant dueInstant) {
        Operation op = mix.operation(n);
        HttpRequest request = request(op, n);
        inFlight.acquireUninterruptibly();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            long micros = Math.min(MAX_MICROS, Math.max(0, (System.nanoTime() - due) / 1000));
            inFlight.release();
            all.recordValue(micros);
            byOperation.get(op).recordValue(micros);
            int status = error == null ? response.statusCode() : 0;
            if (status / 100 == 2) {
                ok.increment();
            } else {
                failed.increment();
                errors.computeIfAbsent(status, s -> new LongAdder()).increment();
            }
        });
    }

    private HttpRequest request(Operation op, long n) {
        int h = (int) (n % fleet.households());
        String base = baseUrl.apply(op);
        HttpRequest.Builder builder = switch (op) {
            case VEHICLE -> HttpRequest.newBuilder(URI.create(base + "/vehicles/" + fleet.vehicle(h))).GET();
            case PAIRS -> HttpRequest.newBuilder(URI.create(base + "/pairs?userId=" + Fleet.user(h))).GET();
            case STATISTICS -> HttpRequest.newBuilder(URI.create(base + "/statistics/charging?type=vehicle&id="
                    + fleet.vehicle(h) + "&userId=" + Fleet.user(h) + "&resolution=DAY&startDate=" + startDate)).GET();
            // START and STOP by turns per household: each replaces the household's pending action
            case COMMAND -> HttpRequest.newBuilder(URI.create(base + "/vehicles/" + fleet.vehicle(h) + "/charging"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            (n / fleet.households()) % 2 == 0 ? "{\"action\":\"START\"}" : "{\"action\":\"STOP\"}"));
        };
        return builder.timeout(Duration.ofSeconds(60)).header("Authorization", authorization)
                .header("Accept", "application/json").build();
    }

    @Override
    public void flush() {
        inFlight.acquireUninterruptibly(connections);
        inFlight.release(connections);
    }

    @Override
    public long accepted() {
        return ok.sum();
    }

    @Override
    public long failed() {
        return failed.sum();
    }

    /** All requests' latency from their due time since the last call (µs). */
    @Override
    public Histogram answers() {
        return all.getIntervalHistogram();
    }

    /** Each operation's latency since the last call (µs); call right after {@link #answers()}. */
    Map<Operation, Histogram> operations() {
        Map<Operation, Histogram> histograms = new EnumMap<>(Operation.class);
        byOperation.forEach((op, recorder) -> {
            Histogram h = recorder.getIntervalHistogram();
            if (mix.weights().containsKey(op)) {
                histograms.put(op, h);
            }
        });
        return histograms;
    }

    /** Non-2xx answers so far by status ("0" for no answer at all), e.g. {@code 429×12}. */
    String errors() {
        StringBuilder text = new StringBuilder();
        errors.forEach((status, count) -> text.append(text.isEmpty() ? "" : ", ").append(status == 0 ? "no answer"
                : status).append(" × ").append(count.sum()));
        return text.toString();
    }

    @Override
    public void close() {
        http.close();
    }
}
