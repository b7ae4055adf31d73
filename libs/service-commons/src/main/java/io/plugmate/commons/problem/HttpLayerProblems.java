package io.plugmate.commons.problem;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;

/**
 * Problems for failures that never reach JAX-RS: with proactive authentication a bad token is refused by the HTTP
 * layer, the body size limit is enforced there too, and non-JAX-RS routes fail there. Without this, those answers
 * would have an empty, plain-text or framework-shaped body (which in dev and test mode includes a stack trace).
 * <p>
 * The request target is checked first of all (before authentication, so that an unusable target is never taken for
 * a 401): longer than {@code plugmate.http.max-uri-length} is a 414, one that is no URI (a {@code %} not followed by
 * two hex digits, a {@code |}, a space) a 400. Quarkus makes that same URI check before any route, answering a bare
 * 400; {@link RequestTargetCheckSwitch} hands it to this route instead. Netty refuses a request line longer than
 * {@code quarkus.http.limits.max-initial-line-length} before anything of ours runs, with a bare 414; the defaults
 * keep that far above ours.
 */
@ApplicationScoped
public class HttpLayerProblems {

    /** Just before Quarkus' own body-size check (order -2), which answers 413 with an empty body. */
    static final int BODY_LIMIT_ORDER = -3;
    /** Before authentication, which Quarkus runs at order -200. */
    static final int TARGET_CHECK_ORDER = -300;

    private final ProblemWriter writer;
    private final Optional<MemorySize> maxBodySize;
    private final int maxUriLength;

    public HttpLayerProblems(ProblemWriter writer,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            @ConfigProperty(name = "plugmate.http.max-uri-length", defaultValue = "8192") int maxUriLength) {
        this.writer = writer;
        this.maxBodySize = maxBodySize;
        this.maxUriLength = maxUriLength;
    }

    void register(@Observes Router router) {
        router.route().order(TARGET_CHECK_ORDER).handler(this::checkTarget);
        router.route().failureHandler(this::handle);
        maxBodySize.ifPresent(limit -> router.route().order(BODY_LIMIT_ORDER)
                .handler(context -> rejectOversizedBody(context, limit.asLongValue())));
    }

    /** The same check Quarkus makes on the declared length; bodies without one are still cut off by Quarkus. */
    void rejectOversizedBody(RoutingContext context, long limit) {
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parses(length) > limit) {
            // the unread body would otherwise be taken for the next request on this connection
            context.response().putHeader("Connection", "close");
            writer.write(context, Problem.ofStatus(413, StatusDetails.of(413), context.request().path()), Map.of());
            return;
        }
        context.next();
    }

    void checkTarget(RoutingContext context) {
        String uri = context.request().uri();
        if (uri.length() > maxUriLength) {
            context.response().putHeader("Connection", "close");
            writer.write(context, Problem.of(ProblemType.URI_TOO_LONG,
                    "The request target is longer than " + maxUriLength + " characters.", null), Map.of());
            return;
        }
        Optional<String> malformed = RequestTargets.malformation(uri);
        if (malformed.isPresent()) {
            context.response().putHeader("Connection", "close");
            writer.write(context, Problem.of(ProblemType.MALFORMED_TARGET,
                    "The request target is not a valid URI: " + malformed.get() + ".", null), Map.of());
            return;
        }
        context.next();
    }

    private static long parses(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    void handle(RoutingContext context) {
        if (context.response().headWritten()) {
            context.next();
            return;
        }
        Throwable failure = context.failure();
        String path = context.request().path();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException) {
            writer.write(context, SecurityProblems.unauthorized(failure, path), SecurityProblems.challenge(failure));
        } else if (failure instanceof ForbiddenException) {
            writer.write(context, SecurityProblems.forbidden(path), Map.of());
        } else if (failure instanceof AuthenticationRedirectException) {
            context.next(); // a login redirect (web-app tenants): not an error
        } else if (failure == null || failure instanceof HttpException) {
            int status = failure == null ? context.statusCode() : ((HttpException) failure).getStatusCode();
            writeStatus(context, status < 400 ? 500 : status, failure, path);
        } else {
            writer.write(context, UnexpectedErrors.toProblem(failure, context.request().method().name(), path),
                    Map.of());
        }
    }

    private void writeStatus(RoutingContext context, int status, Throwable failure, String path) {
        if (status == 500) {
            Throwable cause = failure != null ? failure : new IllegalStateException("HTTP 500 without a cause");
            writer.write(context, UnexpectedErrors.toProblem(cause, context.request().method().name(), path),
                    Map.of());
        } else {
            writer.write(context, Problem.ofStatus(status, StatusDetails.of(status), path), Map.of());
        }
    }
}
