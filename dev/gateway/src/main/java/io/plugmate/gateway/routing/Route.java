package io.plugmate.gateway.routing;

import java.util.Objects;
import java.util.Optional;

/**
 * One line of the routing table: requests whose path {@code match}es go to {@code service}.
 *
 * @param access whether the edge demands a bearer token ({@link Access#BEARER}) or lets the request through for the
 *        service to check itself ({@link Access#OPEN}: OEM webhooks are HMAC-signed, the browser link flow carries its
 *        single-use state)
 * @param rewritePrefix for a {@link PathMatch.Type#PREFIX} match, what the matched prefix becomes upstream (Gateway
 *        API's {@code ReplacePrefixMatch}); empty: the path goes upstream unchanged
 */
public record Route(PathMatch match, String service, Access access, Optional<String> rewritePrefix) {

    public enum Access {
        BEARER,
        OPEN
    }

    public Route {
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(access, "access");
        rewritePrefix = Objects.requireNonNullElse(rewritePrefix, Optional.empty());
        if (rewritePrefix.isPresent() && match.type() != PathMatch.Type.PREFIX) {
            throw new IllegalArgumentException("only a prefix match can be rewritten: " + match);
        }
    }

    /** The path the service sees for {@code path} (which this route matches). */
    public String upstreamPath(String path) {
        return rewritePrefix.map(replacement -> replacement + path.substring(match.value().length())).orElse(path);
    }

    /**
     * What a request to {@code path} (which this route matches) is counted as in the gateway's HTTP metrics: the
     * route's template or exact path, or its prefix followed by {@code /**} for a path below the prefix. Never the raw
     * path: one series per device id would be unbounded.
     */
    public String pathTemplate(String path) {
        return match.type() == PathMatch.Type.PREFIX && !path.equals(match.value()) ? match.value() + "/**"
                : match.value();
    }

    /** The public path of a path the service serves, if this route is how it is reached; the inverse of the rewrite. */
    public Optional<String> publicPath(String servicePath) {
        String prefix = rewritePrefix.orElse(match.value());
        if (rewritePrefix.isPresent()
                && (servicePath.equals(prefix) || servicePath.startsWith(prefix + "/"))) {
            return Optional.of(match.value() + servicePath.substring(prefix.length()));
        }
        return rewritePrefix.isPresent() ? Optional.empty() : Optional.of(servicePath);
    }

    @Override
    public String toString() {
        return match + " -> " + service + rewritePrefix.map(r -> " (as " + r + ")").orElse("") + " [" + access + "]";
    }
}
