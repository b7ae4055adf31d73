package io.plugmate.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command line of {@code ./plugmate bench load}; see dev/benchmarks/README.md. */
record LoadOptions(String command, List<Integer> rates, Duration step, Duration warmup, Duration settle, int households,
        int phase,
        int partitions, List<String> services, List<List<String>> jvmVariants, int runs, boolean allSteps,
        Path out, RestMix mix, int connections, boolean direct, String intake, int instances, List<String> scaleRuns,
        String trainAot) {

    static final String USAGE = """
            usage: load-benchmark topics|webhooks [--rates 250,500,1000,2000] [--step 30] [--warmup 15] [--households 500]
                                          [--phase 5] [--partitions 6] [--services all|pairing-service,...]
                                          [--heap 358m | --jvm-opts "..."] [--all-steps] [--out DIR]
                   load-benchmark rest [--rates 250,500,1000,2000,3000,4000] [--step 30] [--warmup 120] [--settle 5]
                                       [--mix vehicle=4,pairs=3,statistics=2,command=1] [--connections 64] [--direct]
                                       [--households 500] [--heap 358m | --jvm-opts "..."] [--all-steps] [--out DIR]
                   load-benchmark scale [--intake topics|webhooks] [--instances 2] [--runs one,two,join,kill]
                                        [--rates 500,1000,2000] [--step 30] [--households 500] [--phase 5] [--out DIR]
                   load-benchmark startup [--runs 3] [--services ...] [--heap 358m | --jvm-opts "..." [--jvm-opts "..."]...]
                                          [--out DIR]
                   load-benchmark startup --train-aot app.aot [--services ...] [--jvm-opts "..."] [--out DIR]
            """;

    static LoadOptions parse(String[] args) {
        if (args.length == 0 || !List.of("topics", "webhooks", "rest", "startup", "scale").contains(args[0])) {
            throw new IllegalArgumentException(USAGE);
        }
        boolean scale = args[0].equals("scale");
        List<Integer> rates = args[0].equals("rest") ? List.of(250, 500, 1000, 2000, 3000, 4000)
                : scale ? List.of(500, 1000, 2000) : List.of(250, 500, 1000, 2000);
        Duration step = Duration.ofSeconds(30);
        // a cold stack (no AOT cache from the package build) answers 1,000 reads/s in milliseconds only after ~60 s of
        // JIT compilation with both cores full (session 13): REST warms up for twice that
        Duration warmup = Duration.ofSeconds(args[0].equals("rest") ? 120 : 15);
        // REST only by default: its latencies are per request and the first seconds of a step follow the pause before
        // it (the snapshots of every service); the other commands keep their steps as measured before
        Duration settle = Duration.ofSeconds(args[0].equals("rest") ? 5 : 0);
        int households = 500;
        int phase = 5;
        int partitions = 6;
        List<String> services = Stack.SERVICES.stream().map(Stack.Service::name).toList();
        List<String> jvm = null;
        List<List<String>> variants = new ArrayList<>();
        int runs = 3;
        String intake = "topics";
        int instances = 2;
        List<String> scaleRuns = List.of("one", "two", "join", "kill");
        boolean servicesGiven = false;
        boolean allSteps = false;
        Path out = Path.of("dev/benchmarks/target/load-benchmark");
        RestMix mix = RestMix.parse(RestMix.DEFAULT);
        int connections = 64;
        boolean direct = false;
        String trainAot = null;
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--rates" -> rates = Arrays.stream(value.split(",")).map(Integer::parseInt).toList();
                case "--step" -> step = Duration.ofSeconds(Long.parseLong(value));
                case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                case "--settle" -> settle = Duration.ofSeconds(Long.parseLong(value));
                case "--households" -> households = Integer.parseInt(value);
                case "--phase" -> phase = Integer.parseInt(value);
                case "--partitions" -> partitions = Integer.parseInt(value);
                case "--services" -> {
                    services = value.equals("all") ? services : List.of(value.split(","));
                    servicesGiven = true;
                }
                case "--heap" -> jvm = defaultJvm(JVM_SETTINGS, value);
                case "--jvm-opts" -> variants.add(List.of(value.trim().split("\\s+")));
                case "--runs" -> {
                    if (scale) {
                        scaleRuns = List.of(value.split(","));
                    } else {
                        runs = Integer.parseInt(value);
                    }
                }
                case "--intake" -> intake = value;
                case "--train-aot" -> trainAot = value;
                case "--instances" -> instances = Integer.parseInt(value);
                case "--out" -> out = Path.of(value);
                case "--mix" -> mix = RestMix.parse(value);
                case "--connections" -> connections = Integer.parseInt(value);
                case "--direct" -> {
                    direct = true;
                    continue;
                }
                case "--all-steps" -> {
                    allSteps = true;
                    continue;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
            i++;
        }
        if (scale) {
            if (!List.of("topics", "webhooks").contains(intake)) {
                throw new IllegalArgumentException("--intake is topics or webhooks");
            }
            if (instances < 2) {
                throw new IllegalArgumentException("--instances is at least 2");
            }
            if (!scaleRuns.contains("one") || !scaleRuns.stream().allMatch(ScaleRun.KINDS::contains)) {
                throw new IllegalArgumentException("--runs takes " + ScaleRun.KINDS + " and needs one (the baseline)");
            }
            if (!servicesGiven) {
                services = ScaleRun.scaled(intake);
            }
            // every run must get the same input, whatever saturates
            allSteps = true;
        }
        if ((args[0].equals("webhooks") || scale && intake.equals("webhooks"))
                && !(services.contains("vehicle-service") && services.contains(
                        "charger-service"))) {
            throw new IllegalArgumentException("webhooks need vehicle-service and charger-service");
        }
        for (String s : services) {
            if (Stack.SERVICES.stream().noneMatch(known -> known.name().equals(s))) {
                throw new IllegalArgumentException("unknown service " + s);
            }
        }
        if (args[0].equals("rest") && !services.containsAll(mix.services())) {
            throw new IllegalArgumentException("--mix " + mix + " needs " + mix.services());
        }
        if (args[0].equals("rest") && !services.contains("pairing-service")) {
            throw new IllegalArgumentException("rest needs pairing-service (it establishes the households' pairs)");
        }
        if (variants.isEmpty()) {
            variants.add(jvm != null ? jvm : defaultJvm(JVM_SETTINGS, null));
        }
        if (variants.size() > 1 && !args[0].equals("startup")) {
            throw new IllegalArgumentException("several --jvm-opts are compared by startup only");
        }
        if (trainAot != null && (!args[0].equals("startup") || variants.size() > 1 || trainAot.contains("/"))) {
            throw new IllegalArgumentException("--train-aot takes a file name (written into each service's"
                    + " target/quarkus-app), with startup and one JVM variant");
        }
        if (settle.isNegative()) {
            throw new IllegalArgumentException("--settle is 0 or more seconds");
        }
        return new LoadOptions(args[0], rates, step, warmup, settle, households, phase, partitions, services,
                List.copyOf(variants), runs, allSteps, out, mix, connections, direct, intake, instances, scaleRuns,
                trainAot);
    }

    /** Where the services' JVM options are written, for k8s/ and ./plugmate run alike. */
    static final Path JVM_SETTINGS = Path.of("k8s/base/services/jvm.env");
    /** A service container's memory limit in k8s/, which the settings' percentages are of. */
    static final String CONTAINER_MEMORY_LIMIT = "512m";

    /**
     * The services' JVM as Kubernetes runs it: {@link #JVM_SETTINGS}' options and variables (a {@code NAME=value}
     * option is the JVM's environment, see {@link ServiceProcess}) with {@code -XX:MaxRAM} at the container's limit;
     * {@code heap}, when given, as {@code -Xmx} on top.
     */
    static List<String> defaultJvm(Path settings, String heap) {
        List<String> jvm = new ArrayList<>(List.of("-XX:MaxRAM=" + CONTAINER_MEMORY_LIMIT));
        try {
            Files.readAllLines(settings).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
                        if (line.startsWith("JDK_JAVA_OPTIONS=")) {
                            jvm.addAll(List.of(line.substring(line.indexOf('=') + 1).trim().split("\\s+")));
                        } else {
                            jvm.add(line);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("the services' JVM settings are read from " + settings
                    + " (run from the project root)", e);
        }
        if (heap != null) {
            jvm.add("-Xmx" + heap);
        }
        return jvm;
    }

    /** The services' JVM options (the first of the variants {@code startup} compares). */
    List<String> jvmOptions() {
        return jvmVariants.getFirst();
    }

    boolean webhooks() {
        return command.equals("webhooks") || scale() && intake.equals("webhooks");
    }

    boolean scale() {
        return command.equals("scale");
    }

    boolean rest() {
        return command.equals("rest");
    }

    /** The devices must be in the device services' own tables: webhooks find them there, REST reads them. */
    boolean seedsDevices() {
        return webhooks() || rest() && services.contains("vehicle-service") && services.contains("charger-service");
    }

    List<Stack.Service> selected() {
        return Stack.SERVICES.stream().filter(s -> services.contains(s.name())).toList();
    }
}
