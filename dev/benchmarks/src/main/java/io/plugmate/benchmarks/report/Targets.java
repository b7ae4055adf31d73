package io.plugmate.benchmarks.report;

/** The quality bars of architecture §5, which the table marks every figure against. */
public final class Targets {

    public static final double PRECISION = 0.995;
    public static final double RECALL = 0.95;
    /** Median activation within one telemetry report after the later device reported the plug-in. */
    public static final double MEDIAN_REPORTS = 1;

    private Targets() {
    }

    public static String line() {
        return "Targets: precision >= 99.5 %, recall >= 95 %, median activation <= 1 telemetry report.";
    }
}
