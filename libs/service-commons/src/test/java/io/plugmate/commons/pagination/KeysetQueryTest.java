package io.plugmate.commons.pagination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.plugmate.commons.problem.BadRequestProblem;
import io.plugmate.commons.problem.FieldViolation;

class KeysetQueryTest {

    /** A row as a repository would hold it. */
    record Row(Instant createdAt, String id) {
    }

    private static final Comparator<Row> ORDER = Comparator.comparing(Row::createdAt).thenComparing(Row::id);
    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    /** 23 rows; groups of three share a timestamp, so the id tie-breaker matters. */
    private final List<Row> table = IntStream.range(0, 23)
            .mapToObj(i -> new Row(T0.plusSeconds(i / 3), "row-%02d".formatted(i)))
            .toList();

    @Test
    void firstPageHasNoPredicateAndAscendingOrder() {
        KeysetQuery keyset = KeysetQuery.of(PageRequest.first(10), "createdAt", "id", Function.identity());

        assertThat(keyset.predicate()).isEmpty();
        assertThat(keyset.and()).isEmpty();
        assertThat(keyset.orderBy()).isEqualTo("createdAt asc, id asc");
        assertThat(keyset.parameters(Map.of("clientId", "acme"))).containsExactly(Map.entry("clientId", "acme"));
        assertThat(keyset.fetchSize()).isEqualTo(11);
    }

    @Test
    void afterCursorSeeksForward() {
        Cursor cursor = new Cursor(T0, "1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        KeysetQuery keyset = KeysetQuery.of(new PageRequest(5, cursor, null), "v.createdAt", "v.id",
                UUID::fromString);

        assertThat(keyset.predicate())
                .isEqualTo("(v.createdAt > :keysetAt or (v.createdAt = :keysetAt and v.id > :keysetId))");
        assertThat(keyset.and()).startsWith(" and (");
        assertThat(keyset.orderBy()).isEqualTo("v.createdAt asc, v.id asc");
        assertThat(keyset.parameters()).containsEntry("keysetAt", T0)
                .containsEntry("keysetId", UUID.fromString(cursor.id()));
    }

    @Test
    void beforeCursorSeeksBackwardInReverseOrder() {
        KeysetQuery keyset = KeysetQuery.of(new PageRequest(5, null, new Cursor(T0, "x")), "createdAt", "id",
                Function.identity());

        assertThat(keyset.predicate())
                .isEqualTo("(createdAt < :keysetAt or (createdAt = :keysetAt and id < :keysetId))");
        assertThat(keyset.orderBy()).isEqualTo("createdAt desc, id desc");
    }

    @Test
    void aCursorWhoseIdDoesNotParseIsABadRequest() {
        PageRequest request = new PageRequest(5, null, new Cursor(T0, "not-a-uuid"));

        assertThatThrownBy(() -> KeysetQuery.of(request, "createdAt", "id", UUID::fromString))
                .isInstanceOfSatisfying(BadRequestProblem.class, problem -> assertThat(problem.errors())
                        .containsExactly(new FieldViolation("before", "is not a valid cursor")));
    }

    @Test
    void refusesFieldNamesThatAreNotIdentifiers() {
        assertThatThrownBy(() -> KeysetQuery.of(PageRequest.first(5), "createdAt; drop table x", "id", s -> s))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void walkingForwardVisitsEveryRowOnceInOrder() {
        List<Row> seen = new ArrayList<>();
        Page<Row> page = fetch(PageRequest.first(5));
        assertThat(page.pagination().before()).isNull();
        seen.addAll(page.data());
        int pages = 1;
        while (page.pagination().after() != null) {
            page = fetch(PageRequest.of("5", page.pagination().after(), null));
            assertThat(page.pagination().before()).isNotNull();
            seen.addAll(page.data());
            pages++;
        }

        assertThat(seen).isEqualTo(table);
        assertThat(pages).isEqualTo(5);
    }

    @Test
    void walkingBackwardFromTheEndVisitsEveryRowOnce() {
        Page<Row> last = fetch(PageRequest.of("5", new Cursor(T0.plusSeconds(7), "row-20").encode(), null));
        assertThat(last.data()).extracting(Row::id).containsExactly("row-21", "row-22");
        assertThat(last.pagination().after()).isNull();

        List<Row> seen = new ArrayList<>(last.data());
        Page<Row> page = last;
        while (page.pagination().before() != null) {
            page = fetch(PageRequest.of("5", null, page.pagination().before()));
            assertThat(page.data()).isSortedAccordingTo(ORDER);
            assertThat(page.pagination().after()).isNotNull();
            seen.addAll(0, page.data());
        }

        assertThat(seen).isEqualTo(table);
    }

    @Test
    void backThenForwardReturnsTheSamePage() {
        Page<Row> second = fetch(PageRequest.of("5", fetch(PageRequest.first(5)).pagination().after(), null));
        Page<Row> first = fetch(PageRequest.of("5", null, second.pagination().before()));
        Page<Row> secondAgain = fetch(PageRequest.of("5", first.pagination().after(), null));

        assertThat(first.data()).isEqualTo(table.subList(0, 5));
        assertThat(first.pagination().before()).isNull();
        assertThat(secondAgain).isEqualTo(second);
    }

    @Test
    void aPageBeyondTheEndIsEmptyAndPointsBack() {
        String pastTheEnd = new Cursor(T0.plusSeconds(100), "zzz").encode();
        Page<Row> page = fetch(PageRequest.of("5", pastTheEnd, null));

        assertThat(page.data()).isEmpty();
        assertThat(page.pagination()).isEqualTo(new Pagination(pastTheEnd, null));
        assertThat(fetch(PageRequest.of("5", null, page.pagination().before())).data())
                .isEqualTo(table.subList(18, 23));
    }

    @Test
    void anExactlyFullLastPageHasNoNextCursor() {
        Page<Row> page = fetch(PageRequest.first(23));

        assertThat(page.data()).hasSize(23);
        assertThat(page.pagination()).isEqualTo(new Pagination(null, null));
    }

    /** What a repository does with the query: filter by the keyset, order, limit to fetchSize. */
    private Page<Row> fetch(PageRequest request) {
        KeysetQuery keyset = KeysetQuery.of(request, "createdAt", "id", Function.identity());
        Cursor cursor = request.backward() ? request.before() : request.after();
        Comparator<Row> order = request.backward() ? ORDER.reversed() : ORDER;
        List<Row> rows = table.stream()
                .filter(row -> cursor == null || order.compare(row, new Row(cursor.at(), cursor.id())) > 0)
                .sorted(order)
                .limit(keyset.fetchSize())
                .toList();
        return keyset.toPage(rows, row -> new Cursor(row.createdAt(), row.id()), Function.identity());
    }
}
