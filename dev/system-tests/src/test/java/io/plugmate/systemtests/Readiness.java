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
import java.util.concurrent.TimeUnit;

/**
 * Asks every service's {@code /q/health/ready} twice a second, each with its own thread and a timeout, and keeps what
 * it answered: 200, 503, "hung" (no answer within {@link #TIMEOUT}) or "refused" (not listening).
 * <p>
 * The probe runs outside the test JVM, as a kubelet's does: one {@code curl} process per probe, HTTP/1.1 on a new
 * connection. Probed from inside the test JVM (a shared JDK HttpClient), every service at once went without an answer
 * for 5–6 s around the Kafka broker's kill and restart, while the services went on logging and a curl probe next to it
 * had every answer within 3 s; in one Kafka row at a load average of 25–37 the in-JVM prober counted 73 probes without
 * an answer, the curl prober 5 (issue 13 point 4, 2026-12-06): what hung was mostly the test JVM under the machine's
 * load, not the services. That prober still runs alongside, and {@link #comparison} says what each saw.
 */
final class Readiness implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    record Sample(String service, long wallMillis, String answer) {
        boolean up() {
            return "200".equals(answer);
        }
    }

    private final List<Sample> samples = new ArrayList<>();
    private final List<Sample> inJvm = new ArrayList<>();
    private final List<Thread> probes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile boolean running = true;

    Readiness(List<String> services) {
        for (String service : services) {
            probes.add(start("fault-suite-ready-" + service, () -> probe(service, samples, this::ask)));
            start("fault-suite-ready-in-jvm-" + service, () -> probe(service, inJvm, this::askInJvm));
        }
    }

    private static Thread start(String name, Runnable probe) {
        Thread thread = new Thread(probe, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** One answer now, as the probe records it: from a curl process (HTTP/1.1, a new connection, like a kubelet). */
    String ask(String service) {
        try {
            Process curl = new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--http1.1",
                    "--connect-timeout", "2", "-m", Long.toString(TIMEOUT.toSeconds()),
                    Platform.url(service) + "/q/health/ready").redirectErrorStream(true).start();
            if (!curl.waitFor(TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
                curl.destroyForcibly();
                return "hung";
            }
            String status = new String(curl.getInputStream().readAllBytes()).strip();
            return switch (curl.exitValue()) {
                case 0 -> status;
                case 28 -> "hung"; // curl's timeout
                case 7 -> "refused"; // curl could not connect
                default -> "error";
            };
        } catch (IOException e) {
            return "error";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "error";
        }
    }

    /** The same question from inside the test JVM (its shared JDK client), only to compare with {@link #ask}. */
    String askInJvm(String service) {
        try {
            HttpResponse<Void> response = http.sendAsync(HttpRequest.newBuilder(URI.create(Platform.url(service)
                    + "/q/health/ready")).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.discarding())
                    .get(TIMEOUT.toMillis() + 1_000, TimeUnit.MILLISECONDS);
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

    private void probe(String service, List<Sample> into, java.util.function.Function<String, String> asker) {
        while (running) {
            long at = System.currentTimeMillis();
            String answer = asker.apply(service);
            synchronized (into) {
                into.add(new Sample(service, at, answer));
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

    /** How many probes since {@code fromMillis} got no answer in time: from the curl probe and from the test JVM's. */
    String comparison(long fromMillis) {
        return "probes without an answer within %ds: %s from outside the test JVM (curl), %s from inside it"
                .formatted(TIMEOUT.toSeconds(), hung(samples, fromMillis), hung(inJvm, fromMillis));
    }

    private static String hung(List<Sample> from, long fromMillis) {
        synchronized (from) {
            List<Sample> hung = from.stream().filter(s -> s.wallMillis() >= fromMillis && "hung".equals(s.answer()))
                    .toList();
            return hung.size() + (hung.isEmpty() ? ""
                    : " " + hung.stream().collect(java.util.stream.Collectors
                            .groupingBy(s -> shortName(s.service()), java.util.TreeMap::new, java.util.stream.Collectors
                                    .counting())));
        }
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
