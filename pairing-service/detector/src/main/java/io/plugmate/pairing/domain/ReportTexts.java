package io.plugmate.pairing.domain;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored text of each device's reports as a snapshot was written: what the next write of the same detector copies
 * instead of formatting every report again (ADR 0020 amendment). A held detector goes on with the very report
 * objects of the snapshot it was restored from (reports are immutable, made only when one arrives or a snapshot is
 * parsed), so its next snapshot holds the same objects, minus those thinned out, plus the new ones: each kept report's
 * text is copied from the last write, and only the new ones are formatted. Reports are matched by identity, not
 * equality: no hashing of their fields, and an equal report that is another object is merely formatted again.
 */
public final class ReportTexts {

    /** No text of any report: every report is formatted. */
    public static final ReportTexts NONE = new ReportTexts(Map.of());

    private final Map<String, Written> byDevice;

    private ReportTexts(Map<String, Written> byDevice) {
        this.byDevice = byDevice;
    }

    /** How many reports' texts are held, over all devices. */
    public int size() {
        return byDevice.values().stream().mapToInt(w -> w.reports.size()).sum();
    }

    /**
     * One device's reports as written: the JSON array and where each report's text ends in it. Report {@code i}'s
     * text runs from after the comma (or the bracket) that follows report {@code i - 1} to {@code ends[i]}.
     */
    private record Written(List<Observation> reports, String text, int[] ends) {

        int start(int i) {
            return i == 0 ? 1 : ends[i - 1] + 1;
        }

        /** Where {@code report} is, looking from {@code from} on; -1 when it is not there. */
        int find(Observation report, int from) {
            for (int k = from; k < reports.size(); k++) {
                if (reports.get(k) == report) {
                    return k;
                }
            }
            return -1;
        }
    }

    /** One snapshot's write: the texts it copies from, and those it writes. */
    static final class Writing {

        private final ReportTexts earlier;
        private final Map<String, Written> written = new HashMap<>();

        Writing(ReportTexts earlier) {
            this.earlier = earlier;
        }

        /**
         * The device's reports as a JSON array: each report the last write held copied from there, the others
         * formatted by {@code format}. Kept reports keep their order (a device's reports are in event time), so the
         * search for each one goes on from where the last one was found.
         */
        String reportsText(String deviceId, List<Observation> reports, Formatter format) throws IOException {
            Written was = earlier.byDevice.get(deviceId);
            StringBuilder out = new StringBuilder(was == null ? 64 * reports.size() + 2 : was.text.length() + 128);
            int[] ends = new int[reports.size()];
            out.append('[');
            int next = 0;
            for (int i = 0; i < reports.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                Observation report = reports.get(i);
                int at = was == null ? -1 : was.find(report, next);
                if (at >= 0) {
                    out.append(was.text, was.start(at), was.ends[at]);
                    next = at + 1;
                } else {
                    out.append(format.text(report));
                }
                ends[i] = out.length();
            }
            String text = out.append(']').toString();
            written.put(deviceId, new Written(reports, text, ends));
            return text;
        }

        /** The texts of this write's devices only: those of devices or reports no longer kept are not carried on. */
        ReportTexts done() {
            return new ReportTexts(written);
        }
    }

    @FunctionalInterface
    interface Formatter {
        String text(Observation report) throws IOException;
    }
}
