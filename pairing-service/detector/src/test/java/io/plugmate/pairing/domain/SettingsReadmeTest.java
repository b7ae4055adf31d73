package io.plugmate.pairing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The module README's tables are the detector's numbers and signals as a reader sees them: this test parses them and
 * compares every value with {@link DetectorSettings#defaults()} and every signal with {@link Signal}, both ways.
 */
class SettingsReadmeTest {

    private static final Path README = Path.of("README.md");
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([^`]+)`\\s*\\|\\s*([^|]+?)\\s*\\|");
    private static final Pattern DURATION = Pattern.compile("(\\d+) (ms|s|min|h)");
    private static final Pattern NUMBER = Pattern.compile("([+-]?\\d+(?:\\.\\d+)?)(?: (m|kW))?");
    private static final Pattern BAND = Pattern.compile("(\\d+(?:\\.\\d+)?)–(\\d+(?:\\.\\d+)?)");

    @Test
    void theReadmesNumbersAreTheDefaultSettingsEveryOneOfThem() throws IOException {
        Map<String, String> readme = rows(section("### The numbers"));
        Map<String, Object> settings = new TreeMap<>();
        flatten("", DetectorSettings.defaults(), settings);

        assertThat(readme.keySet()).as("settings in the README table").containsExactlyInAnyOrderElementsOf(
                settings.keySet());
        List<String> wrong = new ArrayList<>();
        settings.forEach((name, value) -> {
            Object written = parse(readme.get(name), value.getClass());
            if (!value.equals(written)) {
                wrong.add(name + ": README says " + readme.get(name) + ", the record has " + value);
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void theReadmesSignalTableIsTheSignalEnum() throws IOException {
        List<String> rows = section("For every vehicle").lines().filter(l -> l.startsWith("| `")).toList();
        Map<String, String> readme = new TreeMap<>();
        for (String row : rows) {
            String[] cells = Arrays.stream(row.split("\\|")).map(String::trim).toArray(String[]::new);
            readme.put(cells[1].replace("`", ""), cells[2] + "/" + cells[3]);
        }
        Map<String, String> enumerated = new TreeMap<>();
        for (Signal s : Signal.values()) {
            enumerated.put(s.wireName(), yesNo(s.settled()) + "/" + yesNo(s.corroborating()));
        }

        assertThat(readme).isEqualTo(enumerated);
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    /** The README from {@code heading} to the next heading of any level. */
    private static String section(String heading) throws IOException {
        String text = Files.readString(README);
        int from = text.indexOf(heading);
        assertThat(from).as("README section " + heading).isNotNegative();
        int to = text.indexOf("\n#", from + heading.length());
        return text.substring(from, to < 0 ? text.length() : to);
    }

    private static Map<String, String> rows(String section) {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : section.lines().toList()) {
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                assertThat(rows.put(m.group(1), m.group(2))).as("row " + m.group(1) + " twice").isNull();
            }
        }
        return rows;
    }

    /** Leaf values by dotted path; a {@link DetectorSettings.Band} is one value. */
    private static void flatten(String prefix, Record record, Map<String, Object> into) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            String name = prefix.isEmpty() ? c.getName() : prefix + "." + c.getName();
            if (value instanceof Record nested && !(value instanceof DetectorSettings.Band)) {
                flatten(name, nested, into);
            } else {
                into.put(name, value);
            }
        }
    }

    private static Object parse(String written, Class<?> type) {
        if (written == null) {
            return null;
        }
        if (type == Duration.class) {
            Matcher m = matching(DURATION, written);
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "min" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            };
        }
        if (type == DetectorSettings.Band.class) {
            Matcher m = matching(BAND, written);
            return new DetectorSettings.Band(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)));
        }
        if (type == Integer.class) {
            return Integer.valueOf(written);
        }
        if (type == Double.class) {
            return Double.valueOf(matching(NUMBER, written).group(1));
        }
        if (type == Boolean.class) {
            return Boolean.valueOf(written);
        }
        throw new IllegalArgumentException("no README format for " + type);
    }

    private static Matcher matching(Pattern pattern, String written) {
        Matcher m = pattern.matcher(written);
        assertThat(m.matches()).as("'" + written + "' as " + pattern).isTrue();
        return m;
    }
}
