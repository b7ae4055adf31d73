package io.plugmate.benchmarks;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The command line of {@code bin/pairing-benchmark}. */
record BenchmarkOptions(long seed, Path out, double scale, List<String> only, boolean scoreOnly) {

    static final String USAGE = """
            usage: pairing-benchmark [--seed N] [--out DIR] [--scale X] [--only a,b,...] [--score-only]
              --seed N       seed of the generated worlds (default 42); same seed, same files, same table
              --out DIR      where the scenario files, results.md and worst-cases.txt go
                             (default target/pairing-benchmark)
              --scale X      multiplies every class's number of households (default 1; 0.1 for a quick look)
              --only a,b     only these scenario classes
              --score-only   score the files already in DIR (e.g. after a detector change) instead of generating
            """;

    static BenchmarkOptions parse(String[] args) {
        long seed = 42;
        Path out = Path.of("target", "pairing-benchmark");
        double scale = 1;
        List<String> only = List.of();
        boolean scoreOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--out" -> out = Path.of(value(args, ++i));
                case "--scale" -> scale = Double.parseDouble(value(args, ++i));
                case "--only" -> only = Arrays.stream(value(args, ++i).split(",")).map(String::trim).toList();
                case "--score-only" -> scoreOnly = true;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (!(scale > 0)) {
            throw new IllegalArgumentException("--scale must be > 0");
        }
        return new BenchmarkOptions(seed, out, scale, only, scoreOnly);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
