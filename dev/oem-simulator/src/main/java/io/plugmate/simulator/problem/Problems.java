package io.plugmate.simulator.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

/** Builds problem responses; {@code type} URIs are stable identifiers documented in the README. */
public final class Problems {

    private Problems() {
    }

    public static Response response(int status, String title, String detail, String instance,
            List<Problem.FieldError> errors) {
        String type = "https://plugmate.io/problems/" + title.toLowerCase().replace(' ', '-');
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(type, title, status, detail, instance, errors)).build();
    }
}
