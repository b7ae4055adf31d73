package io.plugmate.commons.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.plugmate.commons.database.DatabaseConfig;
import io.plugmate.commons.database.DatabaseFailures;
import io.plugmate.commons.database.DatabaseOutage;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Every exception a resource can end in, as a problem. Mappers declared here have the default user priority, which
 * beats Quarkus' built-in ones (user priority + 1) for the same exception type.
 */
public class ProblemExceptionMappers {

    /** Headers of a framework response that still mean something on the problem response. */
    private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER,
            HttpHeaders.WWW_AUTHENTICATE);

    private final ProblemWriter writer;
    private final DatabaseOutage outage;
    private final DatabaseConfig database;

    public ProblemExceptionMappers(ProblemWriter writer, DatabaseOutage outage, DatabaseConfig database) {
        this.writer = writer;
        this.outage = outage;
        this.database = database;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return writer.response(e.toProblem(request.path()), e.headers());
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, HttpServerRequest request, ResourceInfo resource) {
        if (ViolationProblems.isReturnValueViolation(e.getConstraintViolations())) {
            return unexpected(e, request);
        }
        var errors = ViolationProblems.fieldViolations(e.getConstraintViolations(), resource.getResourceMethod());
        Problem problem = Problem.of(ProblemType.VALIDATION, "The request has invalid fields.", request.path())
                .withErrors(errors);
        return writer.response(problem, Map.of());
    }

    /** Any other validation exception means a broken constraint definition: our bug. */
    @ServerExceptionMapper
    public Response brokenValidation(ValidationException e, HttpServerRequest request) {
        return unexpected(e, request);
    }

    /**
     * The body reader rethrows mismatched input (wrong type, unknown enum value) unwrapped. Mapped by its own type
     * because Quarkus ships a mapper for exactly this type, which would otherwise win over a more general one.
     */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpServerRequest request) {
        return writer.response(JsonProblems.toProblem(e, request.path(), writer.mapper()), Map.of());
    }

    /** Any other Jackson failure that escapes unwrapped (e.g. writing a response) is our bug. */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        return unexpected(e, request);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status < 400) {
            return original;
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            // the body reader wraps malformed JSON and failed record construction this way
            return writer.response(JsonProblems.toProblem(json, request.path(), writer.mapper()), Map.of());
        }
        if (status == 500) {
            return unexpected(e, request);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : KEPT_HEADERS) {
            String value = original.getHeaderString(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return writer.response(Problem.ofStatus(status, StatusDetails.of(status), request.path()), headers);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class })
    public Response unauthorized(Exception e, HttpServerRequest request) {
        return writer.response(SecurityProblems.unauthorized(e, request.path()), SecurityProblems.challenge(e));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return writer.response(SecurityProblems.forbidden(request.path()), Map.of());
    }

    /**
     * A bug is a 500 with an ERROR per request; the database being away is not a bug: 503 with {@code Retry-After} (the
     * same request will succeed later) and one ERROR per outage ({@link DatabaseOutage}), for every endpoint alike.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (DatabaseFailures.isUnavailable(e)) {
            outage.met(e, "API requests");
            var unavailable = new ServiceUnavailableProblem("The database is unavailable; try again later.",
                    database.unavailableRetryAfter());
            return writer.response(unavailable.toProblem(request.path()), unavailable.headers());
        }
        return writer.response(UnexpectedErrors.toProblem(e, request.method().name(), request.path()), Map.of());
    }
}
