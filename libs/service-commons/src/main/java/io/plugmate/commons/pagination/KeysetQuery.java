package io.plugmate.commons.pagination;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.plugmate.commons.problem.BadRequestProblem;

/**
 * Keyset ("seek") paging for a query sorted by {@code (atField, idField)}: a predicate and an order for HQL/Panache,
 * one row more than the page so that the next page's existence is known without a count, and the assembly of the
 * fetched rows into a {@link Page}. Keyset paging stays correct when rows are inserted between requests and costs
 * the same on page 1000 as on page 1 (given an index on the two fields).
 *
 * <pre>{@code
 * var keyset = KeysetQuery.of(page, "createdAt", "id", UUID::fromString);
 * return find("clientId = :clientId" + keyset.and() + " order by " + keyset.orderBy(),
 *         keyset.parameters(Map.of("clientId", tenant.clientId())))
 *         .range(0, keyset.fetchSize() - 1).list()
 *         .map(rows -> keyset.toPage(rows, v -> new Cursor(v.createdAt, v.id.toString()), VehicleView::of));
 * }</pre>
 */
public final class KeysetQuery {

    public static final String AT_PARAMETER = "keysetAt";
    public static final String ID_PARAMETER = "keysetId";
    private static final Pattern FIELD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    private final PageRequest request;
    private final String atField;
    private final String idField;
    private final Object cursorId;

    private KeysetQuery(PageRequest request, String atField, String idField, Object cursorId) {
        this.request = request;
        this.atField = atField;
        this.idField = idField;
        this.cursorId = cursorId;
    }

    /**
     * @param idParser turns the cursor's id back into the id field's type (e.g. {@code UUID::fromString}); when it
     *        throws, the cursor belongs to some other list and the request is answered with 400
     */
    public static KeysetQuery of(PageRequest request, String atField, String idField, Function<String, ?> idParser) {
        requireField(atField);
        requireField(idField);
        Cursor cursor = cursor(request);
        Object id = null;
        if (cursor != null) {
            try {
                id = idParser.apply(cursor.id());
            } catch (RuntimeException e) {
                throw BadRequestProblem.field(request.backward() ? "before" : "after", "is not a valid cursor");
            }
        }
        return new KeysetQuery(request, atField, idField, id);
    }

    /** The keyset condition, or an empty string on the first page. */
    public String predicate() {
        Cursor cursor = cursor(request);
        if (cursor == null) {
            return "";
        }
        String op = request.backward() ? "<" : ">";
        return "(" + atField + " " + op + " :" + AT_PARAMETER + " or (" + atField + " = :" + AT_PARAMETER + " and "
                + idField + " " + op + " :" + ID_PARAMETER + "))";
    }

    /** {@code " and " + predicate()}, or an empty string on the first page: append it to an existing condition. */
    public String and() {
        String predicate = predicate();
        return predicate.isEmpty() ? "" : " and " + predicate;
    }

    /** Ascending for forward pages; descending for backward ones, which {@link #toPage} turns around again. */
    public String orderBy() {
        String direction = request.backward() ? " desc" : " asc";
        return atField + direction + ", " + idField + direction;
    }

    /** The keyset parameters merged with the caller's own. */
    public Map<String, Object> parameters(Map<String, Object> others) {
        Map<String, Object> all = new HashMap<>(others);
        Cursor cursor = cursor(request);
        if (cursor != null) {
            all.put(AT_PARAMETER, cursor.at());
            all.put(ID_PARAMETER, cursorId);
        }
        return all;
    }

    public Map<String, Object> parameters() {
        return parameters(Map.of());
    }

    /** How many rows to fetch: one more than the page, to learn whether another page follows. */
    public int fetchSize() {
        return request.pageSize() + 1;
    }

    /** @param rows fetched with {@link #orderBy()} and at most {@link #fetchSize()} of them */
    public <E, T> Page<T> toPage(List<E> rows, Function<E, Cursor> cursorOf, Function<E, T> mapper) {
        boolean more = rows.size() > request.pageSize();
        List<E> page = new ArrayList<>(rows.subList(0, Math.min(rows.size(), request.pageSize())));
        if (request.backward()) {
            Collections.reverse(page);
        }
        List<T> data = page.stream().map(mapper).toList();
        if (page.isEmpty()) {
            // nothing on this side of the cursor; the other side starts at the cursor itself
            Cursor cursor = cursor(request);
            String back = cursor == null ? null : cursor.encode();
            return new Page<>(data, request.backward() ? new Pagination(null, back) : new Pagination(back, null));
        }
        String firstCursor = cursorOf.apply(page.getFirst()).encode();
        String lastCursor = cursorOf.apply(page.getLast()).encode();
        if (request.backward()) {
            return new Page<>(data, new Pagination(more ? firstCursor : null, lastCursor));
        }
        return new Page<>(data, new Pagination(request.after() != null ? firstCursor : null, more ? lastCursor : null));
    }

    private static Cursor cursor(PageRequest request) {
        return request.backward() ? request.before() : request.after();
    }

    private static void requireField(String field) {
        // the field names are spliced into HQL: only plain (dotted) identifiers, never caller input
        if (field == null || !FIELD.matcher(field).matches()) {
            throw new IllegalArgumentException("not a field name: " + field);
        }
    }
}
