package io.plugmate.benchmarks.load;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figures read from a service's {@code /q/metrics} (Prometheus text format): the sum of one metric's samples whose
 * labels include the given ones. Enough for counters and a histogram's {@code _count} / {@code _sum}; the benchmark
 * takes the difference of two scrapes.
 */
final class PrometheusText {

    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PrometheusText() {
    }

    static double sum(String text, String metric, Map<String, String> labels) {
        double total = 0;
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#") || !line.startsWith(metric)) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            String name = brace < 0 ? line.substring(0, line.indexOf(' ')) : line.substring(0, brace);
            if (!name.equals(metric) || space < 0 || !matches(brace < 0 ? ""
                    : line.substring(brace, line.lastIndexOf(
                            '}') + 1),
                    labels)) {
                continue;
            }
            try {
                total += Double.parseDouble(line.substring(space + 1).trim());
            } catch (NumberFormatException e) {
                // NaN written oddly: not a sample we can add
            }
        }
        return total;
    }

    private static boolean matches(String labelText, Map<String, String> wanted) {
        int found = 0;
        Matcher m = LABEL.matcher(labelText);
        while (m.find()) {
            String want = wanted.get(m.group(1));
            if (want != null) {
                if (!want.equals(m.group(2))) {
                    return false;
                }
                found++;
            }
        }
        return found == wanted.size();
    }
}
