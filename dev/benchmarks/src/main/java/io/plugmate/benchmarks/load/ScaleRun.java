package io.plugmate.benchmarks.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code ./plugmate bench load scale} (issue 14 point 4): the same deterministic load, each run on a fresh stack, with one
 * instance of the scaled services ({@code one}, the baseline), with two from the start ({@code two}), with the second
 * joining during the steps and leaving again with SIGTERM ({@code join}), and with one of two killed with SIGKILL during
 * the steps and started again ({@code kill}) — a rebalance each time. Every run's pair events and state events are
 * compared with the baseline's ({@link EventTrail}); the steps of {@code one} and {@code two} give the throughput ratio.
 * Scaled: pairing-service for {@code --intake topics}, vehicle-service and charger-service for {@code webhooks}.
 */
final class ScaleRun {

    static final List<String> KINDS = List.of("one", "two", "join", "kill");

    private ScaleRun() {
    }

    /** The services a scale run starts unless {@code --services} says otherwise. */
    static List<String> scaled(String intake) {
        return intake.equals("webhooks") ? List.of("vehicle-service", "charger-service") : List.of("pairing-service");
    }

    static List<Stack.Service> scaledServices(LoadOptions options) {
        List<String> names = scaled(options.intake());
        return options.selected().stream().filter(s -> names.contains(s.name())).toList();
    }

    /** One run's figures and trail. */
    record Outcome(String kind, List<StepResult> steps, EventTrail trail, List<String> timeline, long failedSends,
            long redelivered) {
    }

    /** A change of instances during the steps, at a fraction of the steps' total time. */
    record Change(double at, String what, Consumer<Stack> action) {
    }

    /**
     * What happens to the instances in one run; {@link #begin} plays the changes on their own thread while the steps
     * run, {@link #awaitDone} waits for the last and returns what happened when.
     */
    static final class Scenario {

        private final String kind;
        private final int instancesAtStart;
        private final List<Change> changes;
        private final List<String> timeline = Collections.synchronizedList(new ArrayList<>());
        private Thread thread;

        private Scenario(String kind, int instancesAtStart, List<Change> changes) {
            this.kind = kind;
            this.instancesAtStart = instancesAtStart;
            this.changes = changes;
        }

        String kind() {
            return kind;
        }

        int instancesAtStart() {
            return instancesAtStart;
        }

        /**
         * {@code join}: the others join at a quarter of the steps' time and leave (SIGTERM) at 85 %; {@code kill}: the
         * last instance is killed (SIGKILL) at 40 % and started again at 70 %.
         */
        static Scenario of(String kind, LoadOptions options) {
            List<Stack.Service> scaled = scaledServices(options);
            int n = options.instances();
            List<Change> changes = new ArrayList<>();
            switch (kind) {
                case "one" -> {
                    return new Scenario(kind, 1, List.of());
                }
                case "two" -> {
                    return new Scenario(kind, n, List.of());
                }
                case "join" -> {
                    changes.add(new Change(0.25, "instances 2.." + n + " start (join when ready)",
                            stack -> eachOther(scaled, n, (service, i) -> awaitReady(stack.startInstance(service, i)))));
                    changes.add(new Change(0.85, "instances 2.." + n + " stopped (SIGTERM)",
                            stack -> eachOther(scaled, n, (service, i) -> stack.stop(Stack.instanceName(service.name(),
                                    i)))));
                    return new Scenario(kind, 1, changes);
                }
                case "kill" -> {
                    changes.add(new Change(0.40, "instance " + n + " killed (SIGKILL)",
                            stack -> scaled.forEach(service -> stack.kill(Stack.instanceName(service.name(), n)))));
                    changes.add(new Change(0.70, "instance " + n + " started again",
                            stack -> scaled.forEach(service -> awaitReady(stack.startInstance(service, n)))));
                    return new Scenario(kind, n, changes);
                }
                default -> throw new IllegalArgumentException("unknown run " + kind);
            }
        }

        private interface InstanceAction {
            void apply(Stack.Service service, int instance);
        }

        private static void eachOther(List<Stack.Service> services, int instances, InstanceAction action) {
            for (Stack.Service service : services) {
                for (int i = 2; i <= instances; i++) {
                    action.apply(service, i);
                }
            }
        }

        /** A joining instance is not waited for by the steps, only by this thread (to say when it was ready). */
        private static void awaitReady(ServiceProcess process) {
            Thread.ofVirtual().start(() -> {
                try {
                    Duration ready = process.awaitAnswer("/q/health/ready", 200, Duration.ofMinutes(10));
                    Report.progress("%s ready %.1f s after its start".formatted(process.name(), ready.toMillis()
                            / 1000.0));
                } catch (RuntimeException e) {
                    Report.progress(process.name() + " did not get ready: " + e.getMessage());
                }
            });
        }

        void begin(Stack stack, long stepsSeconds) {
            long start = System.nanoTime();
            thread = Thread.ofPlatform().name("scale-" + kind).daemon().start(() -> {
                for (Change change : changes) {
                    long at = start + (long) (change.at() * stepsSeconds * 1e9);
                    long wait = at - System.nanoTime();
                    if (wait > 0) {
                        ServiceProcess.sleep(wait / 1_000_000);
                    }
                    String line = "%.0f s into the steps: %s".formatted((System.nanoTime() - start) / 1e9,
                            change.what());
                    Report.progress("run " + kind + ": " + line);
                    timeline.add(line);
                    change.action().accept(stack);
                }
            });
        }

        List<String> awaitDone() {
            if (thread != null) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return List.copyOf(timeline);
        }
    }

    /** Every run in the order given; the tables compare each with the first {@code one}. */
    static List<Outcome> run(LoadOptions options) {
        List<Outcome> outcomes = new ArrayList<>();
        for (String kind : options.scaleRuns()) {
            outcomes.add(LoadRun.scale(options, Scenario.of(kind, options)));
            Report.write(options.out(), "scale-partial.md", ScaleReport.table(options, outcomes));
        }
        return outcomes;
    }
}
