package io.plugmate.devstack;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${name}} in service properties against what the running infrastructure reports
 * (Kafka's bootstrap servers, a database URL …), so the catalog stays plain data.
 */
public final class Placeholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z0-9.-]+)}");

    private Placeholders() {
    }

    public static String resolve(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                // a typo in the catalog must fail loudly, not start a service with a literal "${…}"
                throw new IllegalArgumentException("Unknown placeholder ${" + matcher.group(1) + "} in '" + template
                        + "'; known: " + values.keySet());
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
