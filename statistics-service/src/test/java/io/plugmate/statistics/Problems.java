package io.plugmate.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;

/** What every error response must look like (RFC 9457), and that it leaks nothing. */
public final class Problems {

    private Problems() {
    }

    public static Response assertProblem(Response response, int status) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.jsonPath().getString("type")).isNotBlank();
        assertThat(response.jsonPath().getString("title")).isNotBlank();
        assertThat(response.jsonPath().getString("detail")).isNotBlank();
        assertThat(response.jsonPath().getString("instance")).startsWith("/");
        assertThat(response.asString()).doesNotContain("io.plugmate", "java.", "Exception", "\tat ", "hibernate");
        return response;
    }
}
