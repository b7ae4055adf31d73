package io.plugmate.benchmarks.score;

import java.time.Instant;
import java.util.Arrays;

/**
 * One device's records as the detector received them, in file (= delivery) order: the record's position in the file,
 * when it was delivered, what event time it carried and whether it said "plugged in" and "charging". Enough to find a
 * session's first plug-in report, to count reports between two records and to show what the detector saw around a
 * plug-in, without keeping the events.
 */
public final class ReportLog {

    private int size;
    private int[] index = new int[64];
    private long[] deliveredMs = new long[64];
    private long[] observedMs = new long[64];
    private boolean[] plugged = new boolean[64];
    private boolean[] charging = new boolean[64];

    public void add(int recordIndex, Instant deliveredAt, Instant observedAt, boolean pluggedIn, boolean isCharging) {
        if (size == index.length) {
            int grown = size * 2;
            index = Arrays.copyOf(index, grown);
            deliveredMs = Arrays.copyOf(deliveredMs, grown);
            observedMs = Arrays.copyOf(observedMs, grown);
            plugged = Arrays.copyOf(plugged, grown);
            charging = Arrays.copyOf(charging, grown);
        }
        index[size] = recordIndex;
        deliveredMs[size] = deliveredAt.toEpochMilli();
        observedMs[size] = observedAt.toEpochMilli();
        plugged[size] = pluggedIn;
        charging[size] = isCharging;
        size++;
    }

    public int size() {
        return size;
    }

    /**
     * The first report saying "plugged in" that belongs to a plug-in at {@code pluggedInAt}: delivered from then on,
     * measured no earlier than {@code pluggedInAt - skew} (a late report of an earlier plug-in does not count), and
     * delivered by {@code until}.
     *
     * @return the position in this log, or -1
     */
    public int firstPluggedReport(Instant pluggedInAt, Instant until, java.time.Duration skew) {
        long from = pluggedInAt.toEpochMilli();
        long notBefore = from - skew.toMillis();
        long last = until.toEpochMilli();
        for (int i = firstDeliveredAtOrAfter(from); i < size && deliveredMs[i] <= last; i++) {
            if (plugged[i] && observedMs[i] >= notBefore) {
                return i;
            }
        }
        return -1;
    }

    public int recordIndex(int position) {
        return index[position];
    }

    public Instant deliveredAt(int position) {
        return Instant.ofEpochMilli(deliveredMs[position]);
    }

    /**
     * The last {@code before} reports delivered before {@code at} and the first {@code after} from then on, one per
     * line as "delivered (observed) state": a stale re-send or a late report shows as an old observed time.
     */
    public String around(Instant at, int before, int after) {
        int first = firstDeliveredAtOrAfter(at.toEpochMilli());
        StringBuilder sb = new StringBuilder();
        for (int i = Math.max(0, first - before); i < Math.min(size, first + after); i++) {
            sb.append(sb.isEmpty() ? "" : ", ").append(i == first ? "| " : "")
                    .append(Instant.ofEpochMilli(deliveredMs[i]).toString(), 11, 19).append(" (obs ")
                    .append(Instant.ofEpochMilli(observedMs[i])).append(") ")
                    .append(plugged[i] ? charging[i] ? "charging" : "plugged" : "unplugged");
        }
        return sb.isEmpty() ? "no reports" : sb.toString();
    }

    /** How many of this device's records lie in the file after {@code fromRecord} and up to {@code toRecord}. */
    public int countBetween(int fromRecord, int toRecord) {
        return Math.max(0, positionAfter(toRecord) - positionAfter(fromRecord));
    }

    private int positionAfter(int recordIndex) {
        int at = Arrays.binarySearch(index, 0, size, recordIndex);
        return at >= 0 ? at + 1 : -at - 1;
    }

    private int firstDeliveredAtOrAfter(long ms) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (deliveredMs[mid] < ms) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
