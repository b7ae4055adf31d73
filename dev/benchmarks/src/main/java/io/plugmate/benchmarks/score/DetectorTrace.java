package io.plugmate.benchmarks.score;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What feeding one scenario file through the detector produced: every pair transition with the record that caused
 * it, every device's report log, and how long parsing and detection took.
 *
 * @param parseNanos time spent turning lines into events
 * @param detectNanos time spent inside the detector only
 */
public record DetectorTrace(List<PairChange> changes, Map<String, ReportLog> reports, long records, long parseNanos,
        long detectNanos) {

    public DetectorTrace {
        changes = List.copyOf(changes);
        reports = Map.copyOf(reports);
    }

    public ReportLog reportsOf(String deviceId) {
        return reports.getOrDefault(deviceId, EMPTY);
    }

    private static final ReportLog EMPTY = new ReportLog();

    /** For tests: a trace from hand-made changes and logs. */
    public static DetectorTrace of(List<PairChange> changes, Map<String, ReportLog> reports) {
        return new DetectorTrace(changes, new HashMap<>(reports), 0, 0, 0);
    }
}
