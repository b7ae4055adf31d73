package io.plugmate.commons.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class ViolationProblemsTest {

    record Item(@NotBlank String name) {
    }

    record Body(@NotBlank String name, List<@Valid Item> items) {
    }

    /** A resource-like class: the names the caller sees are in the JAX-RS annotations. */
    static class Resource {
        public String list(@QueryParam("pageSize") @Max(200) Integer size, @PathParam("userId") @NotBlank String user) {
            return null;
        }

        public String create(@NotNull @Valid Body widget) {
            return null;
        }

        @NotNull
        public String broken() {
            return null;
        }
    }

    private static final jakarta.validation.ValidatorFactory FACTORY = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    private final Validator validator = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void bodyViolationsAreNamedByTheirJsonPath() throws Exception {
        Method create = Resource.class.getMethod("create", Body.class);
        Body body = new Body(" ", List.of(new Item("ok"), new Item("")));

        var violations = validator.forExecutables().validateParameters(new Resource(), create, new Object[] { body });

        assertThat(ViolationProblems.fieldViolations(violations, create)).containsExactly(
                new FieldViolation("items[1].name", "must not be blank"),
                new FieldViolation("name", "must not be blank"));
    }

    @Test
    void aMissingBodyIsNamedBody() throws Exception {
        Method create = Resource.class.getMethod("create", Body.class);

        var violations = validator.forExecutables().validateParameters(new Resource(), create, new Object[] { null });

        assertThat(ViolationProblems.fieldViolations(violations, create))
                .containsExactly(new FieldViolation("body", "must not be null"));
    }

    @Test
    void parameterViolationsUseTheHttpParameterName() throws Exception {
        Method list = Resource.class.getMethod("list", Integer.class, String.class);

        var violations = validator.forExecutables().validateParameters(new Resource(), list, new Object[] { 500, "" });

        assertThat(ViolationProblems.fieldViolations(violations, list)).containsExactly(
                new FieldViolation("pageSize", "must be less than or equal to 200"),
                new FieldViolation("userId", "must not be blank"));
    }

    @Test
    void withoutTheMethodTheJavaParameterNameIsTheBestGuess() throws Exception {
        Method list = Resource.class.getMethod("list", Integer.class, String.class);

        var violations = validator.forExecutables().validateParameters(new Resource(), list, new Object[] { 500, "u" });

        assertThat(ViolationProblems.fieldViolations(violations, null)).extracting(FieldViolation::field)
                .containsExactly("size");
    }

    @Test
    void returnValueViolationsAreRecognisedAsOurBug() throws Exception {
        Method broken = Resource.class.getMethod("broken");
        Set<ConstraintViolation<Resource>> violations = validator.forExecutables()
                .validateReturnValue(new Resource(), broken, null);

        assertThat(ViolationProblems.isReturnValueViolation(violations)).isTrue();
    }

    @Test
    void beanViolationsOutsideAMethodUseThePropertyPath() {
        var violations = validator.validate(new Body("", List.of()));

        assertThat(ViolationProblems.fieldViolations(violations, null))
                .containsExactly(new FieldViolation("name", "must not be blank"));
        assertThat(ViolationProblems.isReturnValueViolation(violations)).isFalse();
    }
}
