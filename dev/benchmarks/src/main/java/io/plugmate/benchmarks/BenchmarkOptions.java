package io.plugmate.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The command line of {@code bin/pairing-benchmark}. */
record BenchmarkOptions(long seed, Path out, double scale, List<String> only, boolean scoreOnly,
        boolean asProduced, Source source) {

    /** Which scenarios: the generated classes, the independent check, or both side by side. */
    enum Source {
        GENERATED,
        INDEPENDENT,
        BOTH
    }

    static final String USAGE = """
            usage: pairing-benchmark [--seed N] [--out DIR] [--scale X] [--only a,b,...] [--score-only]
              --seed N       seed of the generated worlds (default 42); same seed, same files, same table
              --out DIR      where the scenario files, results.md and worst-cases.txt go
                             (default target/pairing-benchmark)
              --scale X      multiplies every class's number of households (default 1; 0.1 for a quick look)
              --only a,b     only these scenario classes
              --score-only   score the files already in DIR (e.g. after a detector change) instead of generating
              --as-produced  take each file as the order the platform produced the records in (each record vouches
                             for all before it) instead of as the live service takes them (each topic's records wait
                             for the other topics, ADR 0008)
              --source S     generated | independent | both (default both): the simulator's classes, the
                             independent hand-scripted check, or both side by side
            """;

    static BenchmarkOptions parse(String[] args) {
        long seed = 42;
        Path out = Path.of("target", "pairing-benchmark");
        double scale = 1;
        List<String> only = List.of();
        boolean scoreOnly = false;
        boolean asProduced = false;
        Source source = Source.BOTH;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--out" -> out = Path.of(value(args, ++i));
                case "--scale" -> scale = Double.parseDouble(value(args, ++i));
                case "--only" -> only = Arrays.stream(value(args, ++i).split(",")).map(String::trim).toList();
                case "--score-only" -> scoreOnly = true;
                case "--as-produced" -> asProduced = true;
                case "--source" -> source = Source.valueOf(value(args, ++i).toUpperCase(java.util.Locale.ROOT));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (!(scale > 0)) {
            throw new IllegalArgumentException("--scale must be > 0");
        }
        return new BenchmarkOptions(seed, out, scale, only, scoreOnly, asProduced, source);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
