package io.plugmate.commons.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** Checks on the raw request target, before anything decodes it. */
final class RequestTargets {

    /** Read once by Quarkus' HTTP root handler, in a static initializer. */
    private static final String QUARKUS_URI_VALIDATION_OFF = "vertx.disableURIValidation";

    private RequestTargets() {
    }

    /**
     * Quarkus refuses a target that {@link URI} cannot parse with a bare 400 before any route: switched off, so that
     * {@link #malformation} makes the same check in a route and answers with a problem.
     */
    static void checkedHere() {
        System.setProperty(QUARKUS_URI_VALIDATION_OFF, "true");
    }

    /** Why the target is no URI (e.g. a {@code %} without two hex digits, RFC 3986 §2.1), if it is none. */
    static Optional<String> malformation(String target) {
        for (int i = target.indexOf('%'); i >= 0; i = target.indexOf('%', i + 1)) {
            if (i + 2 >= target.length() || !hex(target.charAt(i + 1)) || !hex(target.charAt(i + 2))) {
                return Optional.of("'%' must be followed by two hex digits");
            }
        }
        try {
            new URI(target);
            return Optional.empty();
        } catch (URISyntaxException e) {
            // the reason names the character and its index; the input itself is not echoed
            return Optional.of(e.getReason().toLowerCase(java.util.Locale.ROOT) + " at index " + e.getIndex());
        }
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
