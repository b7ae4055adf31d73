package io.plugmate.commons.pagination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.plugmate.commons.problem.BadRequestProblem;
import io.plugmate.commons.problem.FieldViolation;
import io.plugmate.commons.problem.ProblemType;

class PageRequestTest {

    private static final String CURSOR = new Cursor(Instant.parse("2026-01-01T00:00:00Z"), "v-1").encode();

    @Test
    void defaultsToTheFirstPageOfFifty() {
        PageRequest request = PageRequest.of(null, null, null);

        assertThat(request.pageSize()).isEqualTo(50);
        assertThat(request.after()).isNull();
        assertThat(request.before()).isNull();
        assertThat(request.backward()).isFalse();
    }

    @Test
    void treatsBlankParametersAsAbsent() {
        assertThat(PageRequest.of(" ", "", "")).isEqualTo(PageRequest.first(50));
    }

    @ParameterizedTest
    @ValueSource(strings = { "1", "200", " 7 " })
    void acceptsPageSizesWithinBounds(String pageSize) {
        assertThat(PageRequest.of(pageSize, null, null).pageSize()).isEqualTo(Integer.parseInt(pageSize.trim()));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "-1", "201", "abc", "1.5", "99999999999" })
    void refusesPageSizesOutsideBounds(String pageSize) {
        assertThatThrownBy(() -> PageRequest.of(pageSize, null, null))
                .isInstanceOfSatisfying(BadRequestProblem.class, problem -> {
                    assertThat(problem.type()).isEqualTo(ProblemType.VALIDATION);
                    assertThat(problem.errors())
                            .containsExactly(new FieldViolation("pageSize", "must be an integer between 1 and 200"));
                });
    }

    @Test
    void decodesEitherCursor() {
        assertThat(PageRequest.of("10", CURSOR, null).after()).isEqualTo(Cursor.decode(CURSOR));
        PageRequest backward = PageRequest.of("10", null, CURSOR);
        assertThat(backward.before()).isEqualTo(Cursor.decode(CURSOR));
        assertThat(backward.backward()).isTrue();
    }

    @Test
    void refusesBothCursorsAtOnce() {
        assertThatThrownBy(() -> PageRequest.of(null, CURSOR, CURSOR))
                .isInstanceOfSatisfying(BadRequestProblem.class, problem -> assertThat(problem.errors())
                        .containsExactly(new FieldViolation("before", "cannot be combined with after")));
    }

    @Test
    void reportsEveryBadParameterAtOnce() {
        assertThatThrownBy(() -> PageRequest.of("0", "garbage", null))
                .isInstanceOfSatisfying(BadRequestProblem.class, problem -> assertThat(problem.errors())
                        .extracting(FieldViolation::field)
                        .containsExactly("pageSize", "after"));
    }

    @Test
    void constructorGuardsItsInvariants() {
        Cursor cursor = Cursor.decode(CURSOR);
        assertThatThrownBy(() -> new PageRequest(0, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PageRequest(10, cursor, cursor)).isInstanceOf(IllegalArgumentException.class);
    }
}
