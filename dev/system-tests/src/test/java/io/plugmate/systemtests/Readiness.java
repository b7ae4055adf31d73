package io.plugmate.systemtests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Asks every service's {@code /q/health/ready} twice a second, each with its own thread and a timeout, and keeps what
 * it answered: 200, 503, "hung" (no answer within {@link #TIMEOUT}) or "refused" (not listening).
 */
final class Readiness implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    record Sample(String service, long wallMillis, String answer) {
        boolean up() {
            return "200".equals(answer);
        }
    }

    private final List<Sample> samples = new ArrayList<>();
    private final List<Thread> probes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile boolean running = true;

    Readiness(List<String> services) {
        for (String service : services) {
            Thread probe = new Thread(() -> probe(service), "fault-suite-ready-" + service);
            probe.setDaemon(true);
            probe.start();
            probes.add(probe);
        }
    }

    /** One answer now, as the probe would record it. */
    String ask(String service) {
        try {
            HttpResponse<Void> response = http.sendAsync(HttpRequest.newBuilder(URI.create(Platform.url(service)
                    + "/q/health/ready")).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.discarding())
                    .get(TIMEOUT.toMillis() + 1_000, java.util.concurrent.TimeUnit.MILLISECONDS);
            return Integer.toString(response.statusCode());
        } catch (java.util.concurrent.TimeoutException e) {
            return "hung";
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause() instanceof HttpTimeoutException ? "hung"
                    : e.getCause() instanceof IOException ? "refused" : "error";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "error";
        }
    }

    private void probe(String service) {
        while (running) {
            long at = System.currentTimeMillis();
            String answer = ask(service);
            synchronized (samples) {
                samples.add(new Sample(service, at, answer));
            }
            sleep(Math.max(50, 500 - (System.currentTimeMillis() - at)));
        }
    }

    /** Per service that was not ready at some point since {@code fromMillis}: when it went down and came back up. */
    String summary(long fromMillis) {
        List<Sample> since;
        synchronized (samples) {
            since = samples.stream().filter(s -> s.wallMillis() >= fromMillis).toList();
        }
        StringBuilder out = new StringBuilder();
        for (String service : since.stream().map(Sample::service).distinct().toList()) {
            List<Sample> mine = since.stream().filter(s -> s.service().equals(service)).toList();
            Sample down = mine.stream().filter(s -> !s.up()).findFirst().orElse(null);
            if (down == null) {
                continue;
            }
            Sample up = mine.stream().filter(s -> s.wallMillis() > down.wallMillis() && s.up()).findFirst()
                    .orElse(null);
            String answers = String.join("/", mine.stream().filter(s -> !s.up()).map(Sample::answer).distinct()
                    .toList());
            out.append(out.isEmpty() ? "" : "; ").append(shortName(service)).append(' ').append(answers)
                    .append(" DOWN +").append(seconds(down.wallMillis() - fromMillis)).append(" UP ")
                    .append(up == null ? "never" : "+" + seconds(up.wallMillis() - fromMillis));
        }
        return out.isEmpty() ? "all UP" : out.toString();
    }

    /** Whether every service answered 200 at its latest probe. */
    boolean allUp() {
        synchronized (samples) {
            return probes.size() == samples.reversed().stream().map(Sample::service).distinct().count()
                    && samples.reversed().stream().collect(java.util.stream.Collectors.toMap(Sample::service,
                            Sample::up, (latest, earlier) -> latest)).values().stream().allMatch(b -> b);
        }
    }

    static String shortName(String service) {
        return service.replace("-service", "");
    }

    static String seconds(long millis) {
        return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running = false;
    }
}
