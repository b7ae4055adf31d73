package io.plugmate.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class ProblemTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void serialisesTheRfc9457MembersAndOmitsEmptyExtensions() throws Exception {
        Problem problem = new NotFoundProblem("No vehicle with id 42").toProblem("/vehicles/42");

        JsonNode json = mapper.valueToTree(problem);

        assertThat(json.properties()).extracting(e -> e.getKey())
                .containsExactly("type", "title", "status", "detail", "instance");
        assertThat(json.get("type").asText()).isEqualTo("tag:plugmate.io,2026:problem:not-found");
        assertThat(json.get("title").asText()).isEqualTo("Not found");
        assertThat(json.get("status").asInt()).isEqualTo(404);
        assertThat(json.get("detail").asText()).isEqualTo("No vehicle with id 42");
        assertThat(json.get("instance").asText()).isEqualTo("/vehicles/42");
    }

    @Test
    void serialisesFieldViolationsAndErrorId() {
        Problem problem = Problem.of(ProblemType.VALIDATION, "bad", "/x")
                .withErrors(List.of(new FieldViolation("name", "must not be blank")))
                .withErrorId("id-1");

        JsonNode json = mapper.valueToTree(problem);

        assertThat(json.get("errors").get(0).get("field").asText()).isEqualTo("name");
        assertThat(json.get("errors").get(0).get("message").asText()).isEqualTo("must not be blank");
        assertThat(json.get("errorId").asText()).isEqualTo("id-1");
    }

    @Test
    void statusesWithoutADedicatedTypeAreAboutBlankWithTheReasonPhrase() {
        Problem gone = Problem.ofStatus(410, "gone", "/x");

        assertThat(gone.type()).isEqualTo(Problem.ABOUT_BLANK);
        assertThat(gone.title()).isEqualTo("Gone");
        assertThat(gone.status()).isEqualTo(410);
        assertThat(Problem.ofStatus(599, "d", "/x").title()).isEqualTo("HTTP 599");
        assertThat(Problem.ofStatus(405, "d", "/x").type()).isEqualTo(ProblemType.METHOD_NOT_ALLOWED.uri());
    }

    @Test
    void everyProblemTypeHasADistinctUri() {
        assertThat(List.of(ProblemType.values())).extracting(ProblemType::uri).doesNotHaveDuplicates();
    }

    @Test
    void exceptionFamilyCarriesStatusesAndHeaders() {
        assertThat(new ConflictProblem("c").type().status()).isEqualTo(409);
        assertThat(new PreconditionProblem("p").type().status()).isEqualTo(422);
        assertThat(new ForbiddenProblem("f").type().status()).isEqualTo(403);
        assertThat(new UnauthorizedProblem("u").headers()).containsEntry("WWW-Authenticate", "Bearer");
        assertThat(new TooManyRequestsProblem("slow down", Duration.ofMillis(1500)).headers())
                .containsEntry("Retry-After", "2");
        assertThat(new TooManyRequestsProblem("slow down", Duration.ZERO).headers())
                .containsEntry("Retry-After", "1");
    }

    @Test
    void problemExceptionsCaptureNoStackTrace() {
        assertThat(new ConflictProblem("c").getStackTrace()).isEmpty();
    }
}
