package io.plugmate.benchmarks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command line of {@code ./plugmate bench load}; see dev/benchmarks/README.md. */
record LoadOptions(String command, List<Integer> rates, Duration step, Duration warmup, int households, int phase,
        int partitions, List<String> services, List<String> jvmOptions, int runs, boolean allSteps, Path out) {

    static final String USAGE = """
            usage: load-benchmark topics|webhooks [--rates 250,500,1000,2000] [--step 30] [--warmup 15] [--households 500]
                                          [--phase 5] [--partitions 6] [--services all|pairing-service,...]
                                          [--heap 358m | --jvm-opts "..."] [--all-steps] [--out DIR]
                   load-benchmark startup [--runs 3] [--services ...] [--heap 358m | --jvm-opts "..."] [--out DIR]
            """;

    static LoadOptions parse(String[] args) {
        if (args.length == 0 || !List.of("topics", "webhooks", "startup").contains(args[0])) {
            throw new IllegalArgumentException(USAGE);
        }
        List<Integer> rates = List.of(250, 500, 1000, 2000);
        Duration step = Duration.ofSeconds(30);
        Duration warmup = Duration.ofSeconds(15);
        int households = 500;
        int phase = 5;
        int partitions = 6;
        List<String> services = Stack.SERVICES.stream().map(Stack.Service::name).toList();
        List<String> jvm = defaultJvm("358m");
        int runs = 3;
        boolean allSteps = false;
        Path out = Path.of("dev/benchmarks/target/load-benchmark");
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
                case "--jvm-opts" -> jvm = List.of(value.trim().split("\\s+"));
                case "--runs" -> runs = Integer.parseInt(value);
                case "--out" -> out = Path.of(value);
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
        return new LoadOptions(args[0], rates, step, warmup, households, phase, partitions, services, jvm, runs,
                allSteps, out);
    }

    /** The container's sizing (k8s: 70 % of a 512 MiB limit), the JVM's own choices otherwise. */
    private static List<String> defaultJvm(String heap) {
        return new ArrayList<>(List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"));
    }

    boolean webhooks() {
        return command.equals("webhooks");
    }

    List<Stack.Service> selected() {
        return Stack.SERVICES.stream().filter(s -> services.contains(s.name())).toList();
    }
}
