package io.plugmate.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonProblemsTest {

    enum Kind {
        START,
        STOP;

        @JsonValue
        String wire() {
            return name().toLowerCase();
        }
    }

    record Item(Kind kind, int amount) {
    }

    record Body(String name, List<Item> items) {
    }

    record Checked(String name) {
        Checked {
            if (name == null) {
                throw new IllegalStateException("io.plugmate.secret.Internal failed");
            }
        }
    }

    private final ObjectMapper mapper = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void malformedJsonIsAMalformedBodyWithItsLocation() {
        Problem problem = problemFor("{\"name\": ", Body.class);

        assertThat(problem.type()).isEqualTo(ProblemType.MALFORMED_BODY.uri());
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.detail()).startsWith("The request body is not valid JSON (line 1, column ");
        assertThat(problem.errors()).isEmpty();
    }

    @Test
    void unknownEnumValueNamesTheFieldAndTheAllowedValuesAsWritten() {
        Problem problem = problemFor("{\"name\":\"n\",\"items\":[{\"kind\":\"start\"},{\"kind\":\"JUMP\"}]}", Body.class);

        assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION.uri());
        assertThat(problem.errors()).containsExactly(new FieldViolation("items[1].kind", "must be one of [start, stop]"));
    }

    @Test
    void wrongTypeNamesTheField() {
        Problem problem = problemFor("{\"items\":[{\"amount\":\"lots\"}]}", Body.class);

        assertThat(problem.errors()).containsExactly(new FieldViolation("items[0].amount", "has an invalid value"));
    }

    @Test
    void unknownPropertyNamesTheField() {
        Problem problem = problemFor("{\"nmae\":\"x\"}", Body.class);

        assertThat(problem.errors()).containsExactly(new FieldViolation("nmae", "is not a known property"));
    }

    @Test
    void wrongShapeAtTheTopIsAValidationProblem() {
        Problem problem = problemFor("[1,2]", Body.class);

        assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION.uri());
        assertThat(problem.detail()).isEqualTo("The request body does not have the expected shape.");
    }

    @Test
    void neverQuotesJacksonOrTheCause() {
        for (String body : List.of("{\"name\": ", "{\"items\":[{\"kind\":\"JUMP\"}]}", "{\"items\":{}}", "[1]",
                "{\"items\":[{\"amount\":\"lots\"}]}")) {
            assertNoInternals(problemFor(body, Body.class));
        }
        assertNoInternals(problemFor("{}", Checked.class));
    }

    static void assertNoInternals(Problem problem) {
        String text = problem.toString();
        assertThat(text).doesNotContain("io.plugmate", "java.", "com.fasterxml", "`", "Exception", "Body", "Item",
                "Kind", "Checked", "Internal");
    }

    private Problem problemFor(String json, Class<?> type) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> mapper.readValue(json, type));
        assertThat(e).as("reading %s", json).isNotNull();
        return JsonProblems.toProblem(e, "/things", mapper);
    }
}
