package io.plugmate.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.plugmate.events.Topics;
import io.plugmate.testinfra.OidcResource;
import io.plugmate.testinfra.Tokens;

/**
 * State reports at fixed rates (an open model: report n of a step is due at n / rate seconds and sent then, however
 * far behind the platform is), straight onto the topics or through the device services' webhooks, each rate for one
 * step; per step what was accepted, what each consumer group got through, its lag at the end, the latency to
 * {@code pair-events}, CPU and memory of every process. Stops after the first step pairing-service cannot keep up
 * with.
 */
final class LoadRun {

    private static final List<String> STATE_TOPICS = List.of(Topics.VEHICLE_STATE, Topics.CHARGER_STATE);

    /** The consumer groups of {@code device-lifecycle} (each named as its service), waited for before the load. */
    private static final List<String> LIFECYCLE_READERS = List.of("pairing-service", "orchestration-service",
            "statistics-service");

    /** The consumer groups of the state topics and what each reads of them. */
    private static final Map<String, List<String>> CONSUMERS = new LinkedHashMap<>();

    static {
        CONSUMERS.put("pairing-service", STATE_TOPICS);
        CONSUMERS.put("orchestration-service", STATE_TOPICS);
        CONSUMERS.put("statistics-service", STATE_TOPICS);
        CONSUMERS.put("vehicle-service", List.of(Topics.CHARGER_STATE));
    }

    private final LoadOptions options;
    private final Stack stack;
    private final Fleet fleet;
    private final KafkaProducer<String, String> producer;
    private final PairEventListener pairEvents;
    private final ConsumerLag offsets;
    private final Intake intake;
    private long next;
    /** {@code scale} only: what happens to the instances during the steps (null otherwise). */
    private ScaleRun.Scenario scenario;
    /** {@code scale} only: each report's due time (user, µs) to the household's report number, see {@link EventTrail}. */
    private final Map<String, Long> dueReports = new java.util.HashMap<>();

    /** After each step, when the services run with NMT: what each one's memory holds (see {@link NativeMemory}). */
    private final List<NativeMemory.Row> nativeMemory = new ArrayList<>();

    /** The benchmark's own JVM in the CPU table of {@code rest}: on two cores the generator competes with the stack. */
    static final String GENERATOR = "benchmark";

    private LoadRun(LoadOptions options, Stack stack) {
        this.options = options;
        this.stack = stack;
        this.fleet = new Fleet(options.households(), options.phase());
        this.producer = new KafkaProducer<>(Map.of("bootstrap.servers", stack.bootstrapServers(), "acks", "all",
                "enable.idempotence", "true", "linger.ms", "5", "batch.size", "65536", "key.serializer",
                StringSerializer.class.getName(), "value.serializer", StringSerializer.class.getName()));
        this.pairEvents = new PairEventListener(stack.bootstrapServers());
        this.offsets = new ConsumerLag(stack.bootstrapServers());
        this.intake = options.rest() ? restIntake(options, stack, fleet)
                : options.webhooks()
                        ? new WebhookIntake(fleet, () -> stack.urls("vehicle-service"),
                                () -> stack.urls("charger-service"), options.scale())
                        : new TopicIntake(fleet, producer);
    }

    /** API requests through the gateway (or each to its service with --direct) with a token good for the whole run. */
    private static RestIntake restIntake(LoadOptions options, Stack stack, Fleet fleet) {
        System.setProperty(OidcResource.URL_PROPERTY, stack.issuer());
        String token = Tokens.forClient(Fleet.CLIENT).roles(Tokens.API_CLIENT_ROLE).expiresIn(Duration.ofHours(12))
                .mint();
        String gateway = options.direct() ? null : stack.services().get(Stack.GATEWAY.name()).url();
        return new RestIntake(fleet, options.mix(), op -> gateway != null ? gateway
                : stack.services().get(op.service()).url(), token, options.connections());
    }

    static List<StepResult> run(LoadOptions options) {
        Report.progress("starting PostgreSQL, Kafka, the issuer and " + options.services());
        try (Stack stack = Stack.infrastructure(options.out().resolve("logs"), options.jvmOptions(),
                options.partitions())) {
            long started = System.nanoTime();
            stack.startServices(options.selected());
            if (options.rest() && !options.direct()) {
                stack.startGateway();
            }
            Report.progress("services ready in %.1f s".formatted((System.nanoTime() - started) / 1e9));
            LoadRun load = new LoadRun(options, stack);
            try {
                return load.steps();
            } finally {
                load.saveMetrics();
                load.close();
            }
        }
    }

    /**
     * {@code scale}: one run of a scenario on a fresh stack — its services, the scaled ones with as many instances as the
     * scenario starts with, the steps with the scenario's joins, kills and returns in between, then everything let
     * through to the topics; what reached them is read back for {@link EventTrail}.
     */
    static ScaleRun.Outcome scale(LoadOptions options, ScaleRun.Scenario scenario) {
        Report.progress("run %s: starting PostgreSQL, Kafka, the issuer and %s".formatted(scenario.kind(),
                options.services()));
        try (Stack stack = Stack.infrastructure(options.out().resolve("logs-" + scenario.kind()),
                options.jvmOptions(), options.partitions())) {
            long started = System.nanoTime();
            stack.startServices(options.selected());
            List<ServiceProcess> more = new ArrayList<>();
            for (Stack.Service service : ScaleRun.scaledServices(options)) {
                for (int i = 2; i <= scenario.instancesAtStart(); i++) {
                    more.add(stack.startInstance(service, i));
                }
            }
            more.forEach(p -> p.awaitAnswer("/q/health/ready", 200, Duration.ofMinutes(10)));
            Report.progress("services ready in %.1f s: %s".formatted((System.nanoTime() - started) / 1e9,
                    stack.services().keySet()));
            LoadRun load = new LoadRun(options, stack);
            load.scenario = scenario;
            try {
                List<StepResult> steps = load.steps();
                List<String> timeline = scenario.awaitDone();
                load.settle();
                EventTrail trail = EventTrail.read(stack.bootstrapServers(), load.dueReports);
                long redelivered = load.intake instanceof WebhookIntake w ? w.redelivered() : 0;
                return new ScaleRun.Outcome(scenario.kind(), steps, trail, timeline, load.intake.failed(),
                        redelivered);
            } finally {
                load.saveMetrics();
                load.close();
            }
        }
    }

    /**
     * After the last step: until nothing moves any more — pairing-service's group has committed every state record (when
     * it runs) and neither the state topics nor {@code pair-events} have grown for ten seconds (every outbox relayed) —
     * or five minutes have passed.
     */
    private void settle() {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        long stableSince = System.nanoTime();
        long lastEnd = -1;
        while (System.nanoTime() < deadline) {
            long end = offsets.position("bench-settle", List.of(Topics.VEHICLE_STATE, Topics.CHARGER_STATE,
                    Topics.PAIR_EVENTS)).end();
            boolean caughtUp = !stack.services().containsKey("pairing-service")
                    || offsets.position("pairing-service", STATE_TOPICS).lag() == 0;
            if (end != lastEnd || !caughtUp) {
                lastEnd = end;
                stableSince = System.nanoTime();
            } else if (System.nanoTime() - stableSince > Duration.ofSeconds(10).toNanos()) {
                return;
            }
            ServiceProcess.sleep(1000);
        }
        Report.progress("still moving five minutes after the last step; compared as it is");
    }

    private List<StepResult> steps() {
        link();
        if (!options.warmup().isZero()) {
            Report.progress("warm-up: " + options.warmup().toSeconds() + " s at " + options.rates().getFirst() + "/s");
            send(options.rates().getFirst(), options.warmup(), Duration.ZERO, () -> {
            });
            drain();
        }
        List<StepResult> results = new ArrayList<>();
        if (scenario != null) {
            scenario.begin(stack, options.rates().size() * options.step().toSeconds());
        }
        for (int rate : options.rates()) {
            StepResult result = step(rate);
            results.add(result);
            Report.progress(result.line());
            if (result.saturated() && !options.allSteps()) {
                break;
            }
            drain();
        }
        return results;
    }

    /**
     * Every household's car and wallbox linked: in the device services' tables for webhooks ({@link DeviceSeed}), and
     * as {@code DeviceLinked} for the consumers; pairing-service establishes their pairs.
     */
    private void link() {
        long started = System.nanoTime();
        if (options.seedsDevices()) {
            DeviceSeed.seed(stack, fleet);
        }
        fleet.linked(Instant.now()).forEach(producer::send);
        producer.flush();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        // without pairing-service (scale --intake webhooks) no pair is established: nothing to wait for
        while (stack.services().containsKey("pairing-service") && pairEvents.established() < fleet.households()
                && System.nanoTime() < deadline) {
            ServiceProcess.sleep(200);
        }
        // a pair says only that pairing-service has both devices: orchestration (which answers a command on a device
        // it has not heard of with 404) and statistics read device-lifecycle at their own pace
        List<String> readers = LIFECYCLE_READERS.stream().filter(stack.services()::containsKey).toList();
        while (!readers.stream().allMatch(group -> offsets.position(group, List.of(Topics.DEVICE_LIFECYCLE)).lag() == 0)
                && System.nanoTime() < deadline) {
            ServiceProcess.sleep(200);
        }
        Report.progress("%d households linked, %d pairs established, device-lifecycle read by %s in %.1f s".formatted(
                fleet.households(), pairEvents.established(), readers, (System.nanoTime() - started) / 1e9));
    }

    private StepResult step(int rate) {
        Map<String, Long> pids = stack.pids();
        if (options.rest()) {
            pids.put(GENERATOR, ProcessHandle.current().pid());
        }
        Map<String, Double> cpuBefore = new LinkedHashMap<>();
        pids.forEach((name, pid) -> cpuBefore.put(name, cpuSeconds(name, pid)));
        Map<String, String> scrapeBefore = options.rest() ? scrape() : Map.of();
        Map<String, ConsumerLag.Position> before = positions();
        long onTopicsBefore = offsets.records(STATE_TOPICS);
        Map<String, Long> topicsBefore = options.rest() ? offsets.recordsByTopic() : Map.of();
        long transitionsBefore = pairEvents.transitions();
        long acceptedBefore = intake.accepted();
        long started = System.nanoTime();
        // the latencies start after the settling seconds; the counts, CPU and in-service times cover them too
        Duration behind = send(rate, options.step(), options.settle(), () -> {
            pairEvents.interval();
            intake.answers();
            if (intake instanceof RestIntake api) {
                api.operations(); // each kind's histograms start with the step too (not with the warm-up)
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, ConsumerLag.Position> after = positions();
        long onTopicsAfter = offsets.records(STATE_TOPICS);
        Histogram latency = pairEvents.interval();
        Histogram answers = intake.answers();
        StepResult.Rest rest = intake instanceof RestIntake api
                ? new StepResult.Rest(api.operations(), ServiceTimes.between(scrapeBefore, scrape(), options.mix(),
                        !options.direct()), api.errors(),
                        perRequest(topicsBefore, offsets.recordsByTopic(),
                                intake.accepted() - acceptedBefore))
                : null;
        double wall = (System.nanoTime() - started) / 1e9;
        Map<String, StepResult.Usage> usage = new LinkedHashMap<>();
        // an instance killed during the step reads as 0 CPU seconds at its end: its share is unknown, not negative
        pids.forEach((name, pid) -> usage.put(name, new StepResult.Usage(
                Math.max(0, 100 * (cpuSeconds(name, pid) - cpuBefore.get(name)) / wall), name.equals(GENERATOR)
                        ? ProcessStats.ownMemoryMib(pid)
                        : ProcessStats.memoryMib(pid))));
        Map<String, StepResult.Consumer> consumers = new LinkedHashMap<>();
        after.forEach((group, position) -> consumers.put(group, new StepResult.Consumer(
                (position.committed() - before.get(group).committed()) / wall, position.lag())));
        if (NativeMemory.tracked(options.jvmOptions())) {
            trackNativeMemory(rate, usage);
        }
        // both state topics, read from the broker: a consumer group's position covers only what it reads (with the
        // device services alone, vehicle-service's group reads charger-state only — half the webhooks' events)
        double publishedPerSecond = (onTopicsAfter - onTopicsBefore) / wall;
        return new StepResult(rate, seconds, (intake.accepted() - acceptedBefore) / seconds, publishedPerSecond,
                answers, behind, consumers, (pairEvents.transitions() - transitionsBefore) / wall, latency,
                usage, intake.failed(), rest);
    }

    /** Records each topic got between the two readings per request answered meanwhile; topics that got none left out. */
    static Map<String, Double> perRequest(Map<String, Long> before, Map<String, Long> after, long requests) {
        Map<String, Double> perRequest = new TreeMap<>();
        after.forEach((topic, end) -> {
            long written = end - before.getOrDefault(topic, 0L);
            if (written > 0 && requests > 0) {
                perRequest.put(topic, (double) written / requests);
            }
        });
        return perRequest;
    }

    /** Every service's NMT summary at the end of the step, saved as {@code nmt/<service>-<rate>.txt}. */
    private void trackNativeMemory(int rate, Map<String, StepResult.Usage> usage) {
        stack.services().forEach((name, process) -> {
            NativeMemory.Summary summary = NativeMemory.take(process.pid(), options.out().resolve("nmt")
                    .resolve(name + "-" + rate + ".txt"));
            if (summary != null) {
                double rss = usage.containsKey(name) ? usage.get(name).memoryMib()
                        : ProcessStats.memoryMib(process.pid());
                nativeMemory.add(new NativeMemory.Row(rate + "/s", name, rss, summary));
                Report.progress("%s at %d/s: RSS %.0f MiB, %s".formatted(name, rate, rss, summary.line()));
            }
        });
    }

    /** The benchmark's own JVM without its children (it forked the whole stack); every other process with them. */
    private static double cpuSeconds(String name, long pid) {
        return name.equals(GENERATOR) ? ProcessStats.ownCpuSeconds(pid) : ProcessStats.cpuSeconds(pid);
    }

    /** Every running service's /q/metrics now, by name. */
    private Map<String, String> scrape() {
        Map<String, String> texts = new LinkedHashMap<>();
        stack.services().forEach((name, process) -> texts.put(name, process.metrics()));
        return texts;
    }

    /**
     * Sends at {@code rate} for {@code settle} and then {@code duration}, without a pause between them: {@code settled}
     * runs on the sending thread when the settling seconds are over (it must be quick). Every report carries its due
     * time. Returns how far behind schedule the generator itself fell at worst after settling (if that is large, the
     * machine, not the platform, limited the step).
     */
    private Duration send(int rate, Duration duration, Duration settle, Runnable settled) {
        long settling = rate * settle.toSeconds();
        long count = settling + rate * duration.toSeconds();
        long start = System.nanoTime();
        Instant startWall = Instant.now();
        long worst = 0;
        for (long n = 0; n < count; n++) {
            if (n == settling) {
                settled.run();
            }
            long due = start + n * 1_000_000_000L / rate;
            long now = System.nanoTime();
            if (due > now) {
                LockSupport.parkNanos(due - now);
            } else if (n >= settling) {
                worst = Math.max(worst, now - due);
            }
            Instant dueInstant = startWall.plusNanos(due - start);
            if (scenario != null) {
                dueReports.put(EventTrail.key(Fleet.user(fleet.household(next)), dueInstant), fleet.k(next));
            }
            intake.send(next++, due, dueInstant);
        }
        intake.flush();
        return Duration.ofNanos(worst);
    }

    /** Until pairing-service has caught up (or a minute has passed), so that each step starts without a backlog. */
    private void drain() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!stack.services().containsKey("pairing-service")
                    || offsets.position("pairing-service", STATE_TOPICS).lag() == 0) {
                return;
            }
            ServiceProcess.sleep(500);
        }
    }

    private Map<String, ConsumerLag.Position> positions() {
        Map<String, ConsumerLag.Position> positions = new LinkedHashMap<>();
        CONSUMERS.forEach((group, topics) -> {
            if (stack.services().containsKey(group)) {
                positions.put(group, offsets.position(group, topics));
            }
        });
        return positions;
    }

    /** Each service's /q/metrics at the end, for what the table does not show. */
    private void saveMetrics() {
        stack.services().forEach((name, process) -> {
            try {
                Files.createDirectories(options.out());
                Files.writeString(options.out().resolve("metrics-" + name + ".txt"), process.metrics());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        if (!nativeMemory.isEmpty()) {
            Report.write(options.out(), "native-memory.md", "Committed MiB by NMT category at the end of each step\n\n"
                    + NativeMemory.table(nativeMemory));
        }
    }

    private void close() {
        intake.close();
        producer.close();
        pairEvents.close();
        offsets.close();
    }
}
