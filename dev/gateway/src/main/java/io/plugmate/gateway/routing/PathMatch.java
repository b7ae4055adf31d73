package io.plugmate.gateway.routing;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * How a route matches a request path, in Gateway API terms so that the same table reads as HTTPRoute matches:
 * {@code Exact}, {@code PathPrefix} (element-wise: {@code /actions} matches {@code /actions} and {@code /actions/x},
 * not {@code /actionsx}), and {@code RegularExpression} written as an OpenAPI path template ({@code /vehicles/{id}/
 * charging}), where a parameter is one path segment.
 */
public record PathMatch(Type type, String value) {

    /** In order of precedence (Envoy Gateway's: exact, regular expression, then prefix). */
    public enum Type {
        EXACT("Exact"),
        TEMPLATE("RegularExpression"),
        PREFIX("PathPrefix");

        private final String gatewayApiName;

        Type(String gatewayApiName) {
            this.gatewayApiName = gatewayApiName;
        }

        /** The HTTPRoute {@code matches[].path.type}. */
        public String gatewayApiName() {
            return gatewayApiName;
        }
    }

    private static final Pattern PARAMETER = Pattern.compile("\\{[^/{}]+}");
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9/_-]+");
    private static final String SEGMENT = "[^/]+";
    /**
     * Each template's regular expression, compiled once: the gateway matches every request against every template,
     * and compiling them per request was 5 % of its CPU samples at 1,000 requests/s (a record holds no extra field).
     */
    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    public PathMatch {
        Objects.requireNonNull(type, "type");
        if (value == null || !value.startsWith("/") || (value.length() > 1 && value.endsWith("/"))) {
            throw new IllegalArgumentException("a path starts with / and does not end with one: " + value);
        }
        if (!LITERAL.matcher(PARAMETER.matcher(value).replaceAll("p")).matches()) {
            throw new IllegalArgumentException("letters, digits, '-', '_' and '/' only (and {parameters}): " + value);
        }
        if (type != Type.TEMPLATE && value.contains("{")) {
            throw new IllegalArgumentException("only a template has {parameters}: " + value);
        }
    }

    public static PathMatch exact(String path) {
        return new PathMatch(Type.EXACT, path);
    }

    public static PathMatch prefix(String path) {
        return new PathMatch(Type.PREFIX, path);
    }

    public static PathMatch template(String template) {
        return new PathMatch(Type.TEMPLATE, template);
    }

    /** The HTTPRoute {@code matches[].path.value}: a template becomes an RE2/Java regex matched against the whole path. */
    public String gatewayApiValue() {
        if (type != Type.TEMPLATE) {
            return value;
        }
        // the literal parts hold no regex syntax (checked in the constructor), so they stand for themselves
        return PARAMETER.matcher(value).replaceAll(SEGMENT);
    }

    public boolean matches(String path) {
        return switch (type) {
            case EXACT -> path.equals(value);
            case PREFIX -> path.equals(value) || path.startsWith(value + "/");
            case TEMPLATE -> COMPILED.computeIfAbsent(value, template -> Pattern.compile(gatewayApiValue()))
                    .matcher(path).matches();
        };
    }

    @Override
    public String toString() {
        return type.gatewayApiName() + " " + value;
    }
}
