package io.plugmate.commons.problem;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes problems as {@code application/problem+json}, both as a JAX-RS response and straight onto a Vert.x
 * response (for failures that happen before JAX-RS, e.g. a bad token). The body is serialised here rather than left
 * to a message body writer, so that the content type never depends on which writers happen to accept
 * {@code +json} types.
 */
@ApplicationScoped
public class ProblemWriter {

    private final ObjectMapper mapper;

    public ProblemWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public Response response(Problem problem, Map<String, String> headers) {
        Response.ResponseBuilder builder = Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(json(problem));
        headers.forEach(builder::header);
        return builder.build();
    }

    public void write(RoutingContext context, Problem problem, Map<String, String> headers) {
        var response = context.response();
        response.setStatusCode(problem.status());
        headers.forEach(response::putHeader);
        response.putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.end(Buffer.buffer(json(problem)));
    }

    private String json(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            // cannot happen for a record of strings and numbers; keep a valid body anyway
            return "{\"status\":" + problem.status() + "}";
        }
    }
}
