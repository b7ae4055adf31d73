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

    /**
     * One start. {@code cpuSeconds}: the JVM's CPU time (all its threads, user and system) when the first request was
     * answered — beside the wall time it says whether the start waited (on the network, on a lock) or computed, and on
     * two cores whether the compiler threads competed with the start for them. {@code nativeMemory}: the JVM's NMT
     * summary a second after the first request, when tracked (else null).
     */
    record Start(String service, int variant, String aotCache, Duration firstRequest, double cpuSeconds, int status,
            Duration ready, double memoryMib, ProcessStats.Memory settled, NativeMemory.Summary nativeMemory) {

        double memorySettledMib() {
            return settled.rss();
        }
    }

    /** PostgreSQL, Kafka and the issuer the services start against, the issuer's URL set for the token helpers. */
    private static Stack infrastructure(LoadOptions options) {
        Report.progress("starting PostgreSQL, Kafka and the issuer");
        Stack stack = Stack.infrastructure(options.out().resolve("logs"), options.jvmOptions(), options.partitions());
        System.setProperty(OidcResource.URL_PROPERTY, stack.issuer());
        return stack;
    }

    static List<Start> run(LoadOptions options) {
        List<Start> starts = new ArrayList<>();
        try (Stack stack = infrastructure(options)) {
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

    /** What a training run did: how long the JVM took to write its cache on the way out, and the cache's size. */
    record Training(String service, Duration firstRequest, int requests, Duration exit, double cacheMib) {
    }

    /**
     * Trains a JDK 25 AOT cache per service on a real start (issue 14 point 3): the service is started against the
     * running database, Kafka and issuer with {@code -XX:AOTCacheOutput=<file>} (in its {@code target/quarkus-app}),
     * answers its first request, then {@link #workload} — so the cache holds the classes loaded and linked, and the
     * method profiles taken, after {@code main} too (the PostgreSQL and Kafka clients, OIDC, Hibernate Reactive, the
     * request path), not only those of the boot that {@code quarkus.appcds.generate} stops after — and is stopped with
     * SIGTERM; the JVM writes the cache as it exits (several seconds to a minute: it is given ten).
     */
    static List<Training> train(LoadOptions options) {
        List<Training> trainings = new ArrayList<>();
        try (Stack stack = infrastructure(options)) {
            for (Stack.Service service : options.selected()) {
                List<String> jvm = new ArrayList<>(options.jvmOptions().stream()
                        .filter(option -> !option.startsWith("-XX:AOTCache")).toList());
                jvm.add("-XX:AOTCacheOutput=" + options.trainAot());
                requireClassPathPackaging(service);
                String token = Tokens.apiClient(Fleet.CLIENT);
                ServiceProcess process = stack.start(service, jvm);
                java.nio.file.Path cache = process.app().resolve(options.trainAot());
                Duration first = firstAnswer(process, service, token);
                process.awaitAnswer("/q/health/ready", 200, TIMEOUT);
                int requests = workload(process, service, token);
                Duration exit = process.stop(Duration.ofMinutes(10));
                double mib = java.nio.file.Files.isRegularFile(cache) ? cache.toFile().length() / 1048576.0 : 0;
                if (exit == null || mib == 0) {
                    throw new IllegalStateException(service.name() + " wrote no AOT cache at " + cache + "; see its log");
                }
                Report.progress("%s: trained %s (%.0f MiB) on its start and %d requests; exit took %d ms".formatted(
                        service.name(), cache, mib, requests, exit.toMillis()));
                trainings.add(new Training(service.name(), first, requests, exit, mib));
            }
        }
        return trainings;
    }

    /**
     * The training's workload after the first request: the service's list endpoint as the client, a request without
     * a token (401) and one for a path nobody serves (404, a problem+json body), the health checks and the metrics a
     * kubelet and Prometheus ask for; then five quiet seconds in which the Kafka consumers poll and the outbox relay
     * and the schedulers run their rounds.
     */
    static int workload(ServiceProcess process, Stack.Service service, String token) {
        String api = process.url() + FIRST_REQUEST.get(service.name());
        int requests = 0;
        for (int i = 0; i < 200; i++) {
            request(api, token);
            requests++;
            if (i % 10 == 0) {
                request(api, null);
                request(process.url() + "/no-such-path", token);
                request(process.url() + "/q/health/ready", null);
                request(process.url() + "/q/health/live", null);
                requests += 4;
            }
            if (i % 100 == 0) {
                request(process.url() + "/q/metrics", null);
                requests++;
            }
        }
        ServiceProcess.sleep(5000);
        return requests;
    }

    /**
     * The JDK caches only classes its own loaders load: Quarkus' default fast-jar loads the application through its own
     * class loader, so a cache trained on it would hold the JDK's classes alone. The aot-jar packaging lists every jar
     * in the launcher's {@code Class-Path}.
     */
    private static void requireClassPathPackaging(Stack.Service service) {
        java.nio.file.Path launcher = service.app().resolve("quarkus-run.jar");
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(launcher.toFile())) {
            String classPath = jar.getManifest().getMainAttributes().getValue("Class-Path");
            if (classPath == null || !classPath.contains("app/")) {
                throw new IllegalStateException(service.name() + " is packaged as fast-jar: package it with"
                        + " -Dquarkus.package.jar.type=aot-jar to train its AOT cache (or run without --no-build)");
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Duration firstAnswer(ServiceProcess process, Stack.Service service, String token) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            int status = request(process.url() + FIRST_REQUEST.get(service.name()), token);
            if (status > 0 && status < 500) {
                return process.elapsed();
            }
            ServiceProcess.sleep(20);
        }
        throw new IllegalStateException(service.name() + " answered no request within " + TIMEOUT);
    }

    static String trainingTable(List<Training> trainings, String cache) {
        StringBuilder table = new StringBuilder(("AOT cache `%s` trained in each service's target/quarkus-app\n\n"
                + "| service | first request ms (training) | requests | exit and cache written ms | cache MiB |\n"
                + "|---|---:|---:|---:|---:|\n").formatted(cache));
        for (Training t : trainings) {
            table.append("| %s | %d | %d | %d | %.0f |\n".formatted(t.service(), t.firstRequest().toMillis(),
                    t.requests(), t.exit().toMillis(), t.cacheMib()));
        }
        return table.toString();
    }

    private static Start once(Stack stack, Stack.Service service, int variant, List<String> jvmOptions, String token,
            java.nio.file.Path nmtFile) {
        try (ServiceProcess process = stack.start(service, jvmOptions)) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                int status = request(process.url() + FIRST_REQUEST.get(service.name()), token);
                if (status > 0 && status < 500) {
                    Duration first = process.elapsed();
                    double cpu = ProcessStats.ownCpuSeconds(process.pid());
                    double memory = ProcessStats.memoryMib(process.pid());
                    Duration ready = process.awaitAnswer("/q/health/ready", 200, TIMEOUT);
                    ServiceProcess.sleep(1000);
                    ProcessStats.Memory settled = ProcessStats.ownMemory(process.pid());
                    return new Start(service.name(), variant, process.aotCache(), first, cpu, status, ready, memory,
                            settled,
                            NativeMemory.tracked(jvmOptions) ? NativeMemory.take(process.pid(), nmtFile) : null);
                }
                ServiceProcess.sleep(20);
            }
            throw new IllegalStateException(service.name() + " answered no request within " + TIMEOUT);
        }
    }

    private static int request(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
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
        table.append("| service |" + (compared ? " JVM |" : "") + " AOT cache | first request ms"
                + " | CPU s to first request | ready ms | RSS after first request MiB | RSS 1 s later MiB"
                + " | of it file-backed MiB | PSS 1 s later MiB | AOT cache resident / written MiB |\n|---|"
                + (compared ? "---|" : "") + "---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Start s : starts) {
            table.append("| %s |%s %s | %d | %.2f | %d | %.0f | %.0f | %.0f | %.0f | %.0f / %.0f |\n".formatted(
                    s.service(), compared ? " " + letter(s.variant()) + " |" : "", s.aotCache(),
                    s.firstRequest().toMillis(), s.cpuSeconds(), s.ready().toMillis(), s.memoryMib(), s.settled().rss(),
                    s.settled().file(), s.settled().pss(),
                    s.settled().aotCache().resident(), s.settled().aotCache().written()));
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
        StringBuilder table = new StringBuilder("Medians (ratio to A):\n\n| service | JVM | first request ms"
                + " | CPU s to first request | ready ms | RSS after first request MiB | RSS 1 s later MiB"
                + " | PSS 1 s later MiB |\n|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (String service : starts.stream().map(Start::service).distinct().toList()) {
            double[] base = null;
            for (int v = 0; v < variants; v++) {
                int variant = v;
                List<Start> mine = starts.stream().filter(s -> s.service().equals(service) && s.variant() == variant)
                        .toList();
                double[] m = { median(mine, s -> s.firstRequest().toMillis()), median(mine, Start::cpuSeconds),
                        median(mine, s -> s.ready().toMillis()),
                        median(mine, Start::memoryMib), median(mine, Start::memorySettledMib),
                        median(mine, s -> s.settled().pss()) };
                base = base == null ? m : base;
                table.append(("| %s | %s | %.0f (%.2f) | %.2f (%.2f) | %.0f (%.2f) | %.0f (%.2f) | %.0f (%.2f)"
                        + " | %.0f (%.2f) |\n").formatted(service, letter(v), m[0], m[0] / base[0], m[1],
                                m[1] / base[1], m[2], m[2] / base[2], m[3], m[3] / base[3], m[4], m[4] / base[4], m[5],
                                m[5] / base[5]));
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
