package io.plugmate.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command line of {@code ./plugmate bench load}; see dev/benchmarks/README.md. */
record LoadOptions(String command, List<Integer> rates, Duration step, Duration warmup, int households, int phase,
        int partitions, List<String> services, List<List<String>> jvmVariants, int runs, boolean allSteps,
        Path out, RestMix mix, int connections, boolean direct) {

    static final String USAGE = """
            usage: load-benchmark topics|webhooks [--rates 250,500,1000,2000] [--step 30] [--warmup 15] [--households 500]
                                          [--phase 5] [--partitions 6] [--services all|pairing-service,...]
                                          [--heap 358m | --jvm-opts "..."] [--all-steps] [--out DIR]
                   load-benchmark rest [--rates 250,500,1000,2000,3000,4000] [--step 30] [--warmup 15]
                                       [--mix vehicle=4,pairs=3,statistics=2,command=1] [--connections 64] [--direct]
                                       [--households 500] [--heap 358m | --jvm-opts "..."] [--all-steps] [--out DIR]
                   load-benchmark startup [--runs 3] [--services ...] [--heap 358m | --jvm-opts "..." [--jvm-opts "..."]...]
                                          [--out DIR]
            """;

    static LoadOptions parse(String[] args) {
        if (args.length == 0 || !List.of("topics", "webhooks", "rest", "startup").contains(args[0])) {
            throw new IllegalArgumentException(USAGE);
        }
        List<Integer> rates = args[0].equals("rest") ? List.of(250, 500, 1000, 2000, 3000, 4000)
                : List.of(250, 500, 1000, 2000);
        Duration step = Duration.ofSeconds(30);
        Duration warmup = Duration.ofSeconds(15);
        int households = 500;
        int phase = 5;
        int partitions = 6;
        List<String> services = Stack.SERVICES.stream().map(Stack.Service::name).toList();
        List<String> jvm = defaultJvm("358m");
        List<List<String>> variants = new ArrayList<>();
        int runs = 3;
        boolean allSteps = false;
        Path out = Path.of("dev/benchmarks/target/load-benchmark");
        RestMix mix = RestMix.parse(RestMix.DEFAULT);
        int connections = 64;
        boolean direct = false;
        for (int i = 1; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--rates" -> rates = Arrays.stream(value.split(",")).map(Integer::parseInt).toList();
                case "--step" -> step = Duration.ofSeconds(Long.parseLong(value));
                case "--warmup" -> warmup = Duration.ofSeconds(Long.parseLong(value));
                case "--households" -> households = Integer.parseInt(value);
                case "--phase" -> phase = Integer.parseInt(value);
                case "--partitions" -> partitions = Integer.parseInt(value);
                case "--services" -> services = value.equals("all") ? services : List.of(value.split(","));
                case "--heap" -> jvm = defaultJvm(value);
                case "--jvm-opts" -> variants.add(List.of(value.trim().split("\\s+")));
                case "--runs" -> runs = Integer.parseInt(value);
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
        if (args[0].equals("webhooks") && !(services.contains("vehicle-service") && services.contains(
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
            variants.add(jvm);
        }
        if (variants.size() > 1 && !args[0].equals("startup")) {
            throw new IllegalArgumentException("several --jvm-opts are compared by startup only");
        }
        return new LoadOptions(args[0], rates, step, warmup, households, phase, partitions, services,
                List.copyOf(variants), runs, allSteps, out, mix, connections, direct);
    }

    /** The container's sizing (k8s: 70 % of a 512 MiB limit), the JVM's own choices otherwise. */
    private static List<String> defaultJvm(String heap) {
        return new ArrayList<>(List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"));
    }

    /** The services' JVM options (the first of the variants {@code startup} compares). */
    List<String> jvmOptions() {
        return jvmVariants.getFirst();
    }

    boolean webhooks() {
        return command.equals("webhooks");
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
