package io.plugmate.commons.testapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.plugmate.commons.problem.Problem;
import io.restassured.response.Response;

/** What every error response must look like, whatever produced it. */
final class ProblemAssertions {

    private ProblemAssertions() {
    }

    /** Asserts an RFC 9457 body with the given status and instance, and no internals anywhere in it. */
    static Response assertProblem(Response response, int status, String instance) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.jsonPath().getString("type")).isNotBlank();
        assertThat(response.jsonPath().getString("title")).isNotBlank();
        assertThat(response.jsonPath().getString("detail")).isNotBlank();
        assertThat(response.jsonPath().getString("instance")).isEqualTo(instance);
        assertNoInternals(response.asString());
        return response;
    }

    static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("io.plugmate", "java.", "jakarta.", "com.fasterxml", "io.quarkus", "io.vertx",
                "org.jboss", "Exception", "\tat ", "hunter2", "Widget", "ProbeResource");
    }
}
