package io.plugmate.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.plugmate.testinfra.OidcResource;
import io.plugmate.testinfra.Tokens;

/**
 * Start and footprint per service (issue 14 point 3): each service alone, started {@code runs} times against running
 * PostgreSQL, Kafka and the issuer. Time to first request: from the fork until an authenticated API request is
 * answered (OIDC discovery and JWKS included); time to ready: until {@code /q/health/ready} says UP; memory after the
 * first request (and a second later, once start-up work has settled). With several JVM option variants
 * ({@code --jvm-opts} more than once) each service is started with each in turn (A B A B …), so that a drift of the
 * shared machine's load hits every variant alike, and the medians are compared as ratios against the first.
 */
final class StartupRun {

    private static final Map<String, String> FIRST_REQUEST = Map.of("vehicle-service", "/vehicles",
            "charger-service", "/chargers", "pairing-service", "/pairs", "orchestration-service", "/actions",
            "statistics-service", "/statistics/charging/sessions?type=vehicle&id=bench&userId=bench");
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** {@code nativeMemory}: the JVM's NMT summary a second after the first request, when tracked (else null). */
    record Start(String service, int variant, boolean aotCache, Duration firstRequest, int status, Duration ready,
            double memoryMib, double memorySettledMib, NativeMemory.Summary nativeMemory) {
    }

    static List<Start> run(LoadOptions options) {
        List<Start> starts = new ArrayList<>();
        Report.progress("starting PostgreSQL, Kafka and the issuer");
        try (Stack stack = Stack.infrastructure(options.out().resolve("logs"), options.jvmOptions(),
                options.partitions())) {
            System.setProperty(OidcResource.URL_PROPERTY, stack.issuer());
            for (int run = 1; run <= options.runs(); run++) {
                for (Stack.Service service : options.selected()) {
                    for (int variant = 0; variant < options.jvmVariants().size(); variant++) {
                        // a token per start: one minted for the whole run expires during a long comparison
                        Start start = once(stack, service, variant, options.jvmVariants().get(variant),
                                Tokens.apiClient(Fleet.CLIENT), options.out().resolve("nmt")
                                        .resolve("%s-%s-%d.txt".formatted(service.name(), letter(variant), run)));
                        Report.progress("run %d %s %s: first request %d ms (%d), ready %d ms, %.0f MiB, %.0f MiB after 1 s"
                                .formatted(run, start.service(), letter(variant), start.firstRequest().toMillis(),
                                        start.status(), start.ready().toMillis(), start.memoryMib(),
                                        start.memorySettledMib()));
                        if (start.nativeMemory() != null) {
                            Report.progress(start.nativeMemory().line());
                        }
                        starts.add(start);
                    }
                }
            }
        }
        return starts;
    }

    private static Start once(Stack stack, Stack.Service service, int variant, List<String> jvmOptions, String token,
            java.nio.file.Path nmtFile) {
        try (ServiceProcess process = stack.start(service, jvmOptions)) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                int status = request(process.url() + FIRST_REQUEST.get(service.name()), token);
                if (status > 0 && status < 500) {
                    Duration first = process.elapsed();
                    double memory = ProcessStats.memoryMib(process.pid());
                    Duration ready = process.awaitAnswer("/q/health/ready", 200, TIMEOUT);
                    ServiceProcess.sleep(1000);
                    double settled = ProcessStats.memoryMib(process.pid());
                    return new Start(service.name(), variant, process.aotCache(), first, status, ready, memory, settled,
                            NativeMemory.tracked(jvmOptions) ? NativeMemory.take(process.pid(), nmtFile) : null);
                }
                ServiceProcess.sleep(20);
            }
            throw new IllegalStateException(service.name() + " answered no request within " + TIMEOUT);
        }
    }

    private static int request(String url, String token) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    static String table(List<Start> starts, List<List<String>> variants) {
        boolean compared = variants.size() > 1;
        StringBuilder table = new StringBuilder();
        if (compared) {
            for (int v = 0; v < variants.size(); v++) {
                table.append("- %s: `%s`\n".formatted(letter(v), String.join(" ", variants.get(v))));
            }
            table.append("\n");
        }
        table.append("| service |" + (compared ? " JVM |" : "") + " AOT cache | first request ms | ready ms"
                + " | RSS after first request MiB | RSS 1 s later MiB |\n|---|" + (compared ? "---|" : "")
                + "---|---:|---:|---:|---:|\n");
        for (Start s : starts) {
            table.append("| %s |%s %s | %d | %d | %.0f | %.0f |\n".formatted(s.service(),
                    compared ? " " + letter(s.variant()) + " |" : "", s.aotCache() ? "yes" : "no",
                    s.firstRequest().toMillis(), s.ready().toMillis(), s.memoryMib(), s.memorySettledMib()));
        }
        List<NativeMemory.Row> nmt = new ArrayList<>();
        for (Start s : starts) {
            if (s.nativeMemory() != null) {
                nmt.add(new NativeMemory.Row(compared ? letter(s.variant()) : "start", s.service(), s.memorySettledMib(),
                        s.nativeMemory()));
            }
        }
        String nativeMemory = nmt.isEmpty() ? ""
                : "\nNMT a second after the first request (committed MiB):\n\n" + NativeMemory.table(nmt);
        return (compared ? table + "\n" + medians(starts, variants.size()) : table.toString()) + nativeMemory;
    }

    /** Per service and variant, the medians over the runs, and each as a ratio of variant A's in the same sitting. */
    private static String medians(List<Start> starts, int variants) {
        StringBuilder table = new StringBuilder("Medians (ratio to A):\n\n| service | JVM | first request ms | ready ms"
                + " | RSS after first request MiB | RSS 1 s later MiB |\n|---|---|---:|---:|---:|---:|\n");
        for (String service : starts.stream().map(Start::service).distinct().toList()) {
            double[] base = null;
            for (int v = 0; v < variants; v++) {
                int variant = v;
                List<Start> mine = starts.stream().filter(s -> s.service().equals(service) && s.variant() == variant)
                        .toList();
                double[] m = { median(mine, s -> s.firstRequest().toMillis()), median(mine, s -> s.ready().toMillis()),
                        median(mine, Start::memoryMib), median(mine, Start::memorySettledMib) };
                base = base == null ? m : base;
                table.append("| %s | %s | %.0f (%.2f) | %.0f (%.2f) | %.0f (%.2f) | %.0f (%.2f) |\n".formatted(service,
                        letter(v), m[0], m[0] / base[0], m[1], m[1] / base[1], m[2], m[2] / base[2], m[3],
                        m[3] / base[3]));
            }
        }
        return table.toString();
    }

    private static double median(List<Start> starts, java.util.function.ToDoubleFunction<Start> figure) {
        double[] sorted = starts.stream().mapToDouble(figure).sorted().toArray();
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static String letter(int variant) {
        return Character.toString('A' + variant);
    }
}
