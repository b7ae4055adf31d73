package io.plugmate.simulator.problem;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.plugmate.simulator.domain.WorldException;

/** Every error leaves as application/problem+json, never as a stack trace. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = Problems.response(e.status(), e.title(), e.getMessage(), path(uri), e.errors());
        if (e.retryAfterSeconds() != null) {
            return Response.fromResponse(response).header("Retry-After", e.retryAfterSeconds()).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response world(WorldException e, UriInfo uri) {
        return switch (e.kind()) {
            case NOT_FOUND -> Problems.response(404, "Not Found", e.getMessage(), path(uri), null);
            case CONFLICT -> Problems.response(409, "Conflict", e.getMessage(), path(uri), null);
            case UNSUPPORTED -> Problems.response(422, "Unprocessable Content", e.getMessage(), path(uri), null);
            case INVALID -> Problems.response(400, "Bad Request", e.getMessage(), path(uri), null);
            case REFUSED -> Problems.response(409, "Conflict", e.getMessage(), path(uri), null);
        };
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v.getPropertyPath().toString()), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return Problems.response(400, "Bad Request", "The request is invalid", path(uri), errors);
    }

    /** Wrong types or unknown enum values: name the field, not the Java type. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
        List<Problem.FieldError> errors = field == null ? null
                : List.of(new Problem.FieldError(field, "has an invalid value or type"));
        return Problems.response(400, "Bad Request", "The body does not match this endpoint", path(uri), errors);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, UriInfo uri) {
        return Problems.response(400, "Bad Request", "The body is not valid JSON for this endpoint", path(uri), null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = status == 400 ? "The request could not be read" : title;
        return Problems.response(status, title, detail, path(uri), null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("unexpected error", e);
        return Problems.response(500, "Internal Server Error", "An unexpected error occurred", path(uri), null);
    }

    /** "plug.arg1.chargerId" → "chargerId": clients care about the body field, not the Java method. */
    private static String field(String propertyPath) {
        String[] parts = propertyPath.split("\\.");
        return parts.length > 2 ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length))
                : parts[parts.length - 1];
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }
}
