package io.plugmate.benchmarks.load;

import java.util.List;

/**
 * {@code ./plugmate bench load topics|webhooks|rest|scale|startup …}: the live platform measured (issue 14 points 1 to 4). Not
 * a
 * test:
 * figures depend on the machine; every table says when and under what load average it was taken.
 */
public final class LoadBenchmark {

    private LoadBenchmark() {
    }

    public static void main(String[] args) {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String command = "./plugmate bench load " + String.join(" ", args);
        String text;
        if (options.rest()) {
            List<StepResult> steps = LoadRun.run(options);
            text = Report.header("API requests " + (options.direct() ? "straight to the services" : "through the gateway"),
                    command)
                    + ("mix %s, %d households, at most %d connections, %d s per step after %d s settling at its rate "
                            + "(latencies from the step only; counts, CPU and in-service times include the settling), "
                            + "services %s, JVM %s; latency from each request's due time (constant throughput, no "
                            + "coordinated omission)\n\n")
                            .formatted(options.mix(), options.households(), options.connections(),
                                    options.step().toSeconds(), options.settle().toSeconds(), options.services(),
                                    String.join(" ", options.jvmOptions()))
                    + Report.rest(steps);
            Report.write(options.out(), "rest.md", text);
        } else if (options.scale()) {
            List<ScaleRun.Outcome> outcomes = ScaleRun.run(options);
            StringBuilder runs = new StringBuilder();
            for (ScaleRun.Outcome o : outcomes) {
                runs.append("\n### Run `").append(o.kind()).append("`\n\n");
                if (o.kind().equals("one") || o.kind().equals("two")) {
                    runs.append(Report.steps(o.steps()));
                } else {
                    o.steps().forEach(step -> runs.append("- ").append(step.line()).append("\n"));
                }
            }
            text = Report.header("Scale out: " + options.instances() + " instances against one", command)
                    + ScaleReport.table(options, outcomes) + runs;
            Report.write(options.out(), "scale.md", text);
        } else if (!options.command().equals("startup")) {
            List<StepResult> steps = LoadRun.run(options);
            text = Report.header(options.webhooks() ? "State reports through the webhooks"
                    : "State events onto the topics", command)
                    + ("%d households (car + wallbox), "
                            + "plugged in / out every %d report pairs, %d partitions, %d s per step, services %s, JVM %s\n\n")
                            .formatted(options.households(), options.phase(), options.partitions(), options.step().toSeconds(),
                                    options.services(), String.join(" ", options.jvmOptions()))
                    + Report.steps(steps);
            Report.write(options.out(), options.command() + ".md", text);
        } else if (options.trainAot() != null) {
            text = Report.header("AOT cache trained on a start and a workload", command) + "JVM "
                    + String.join(" ", options.jvmOptions()) + "\n\n"
                    + StartupRun.trainingTable(StartupRun.train(options), options.trainAot());
            Report.write(options.out(), "aot-training.md", text);
        } else {
            List<StartupRun.Start> starts = StartupRun.run(options);
            text = Report.header("Start and footprint", command) + (options.jvmVariants().size() > 1 ? ""
                    : "JVM " + String.join(" ", options.jvmOptions()) + "\n\n")
                    + StartupRun.table(starts, options.jvmVariants());
            Report.write(options.out(), "startup.md", text);
        }
        System.out.println(text);
        System.exit(0);
    }
}
