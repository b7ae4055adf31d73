package io.plugmate.commons.pagination;

import java.util.ArrayList;
import java.util.List;

import io.plugmate.commons.problem.BadRequestProblem;
import io.plugmate.commons.problem.FieldViolation;

/**
 * One validated list request: a page size and at most one of the cursors. {@code after} asks for the rows following
 * that position, {@code before} for the rows preceding it; without either, the first page.
 */
public record PageRequest(int pageSize, Cursor after, Cursor before) {

    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 200;
    static final String PAGE_SIZE_MESSAGE = "must be an integer between 1 and " + MAX_PAGE_SIZE;

    public PageRequest {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("pageSize " + PAGE_SIZE_MESSAGE);
        }
        if (after != null && before != null) {
            throw new IllegalArgumentException("after and before are mutually exclusive");
        }
    }

    public static PageRequest first(int pageSize) {
        return new PageRequest(pageSize, null, null);
    }

    /**
     * Parses the raw query parameters (strings, so that {@code pageSize=abc} is a 400 rather than the 404 JAX-RS
     * gives for an unconvertible query parameter). Blank values count as absent.
     *
     * @throws BadRequestProblem listing every offending parameter
     */
    public static PageRequest of(String pageSize, String after, String before) {
        List<FieldViolation> errors = new ArrayList<>();
        int size = parsePageSize(pageSize, errors);
        Cursor afterCursor = parseCursor("after", after, errors);
        Cursor beforeCursor = parseCursor("before", before, errors);
        if (!isBlank(after) && !isBlank(before)) {
            errors.add(new FieldViolation("before", "cannot be combined with after"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestProblem("The paging parameters are invalid.", errors);
        }
        return new PageRequest(size, afterCursor, beforeCursor);
    }

    public boolean backward() {
        return before != null;
    }

    private static int parsePageSize(String raw, List<FieldViolation> errors) {
        if (isBlank(raw)) {
            return DEFAULT_PAGE_SIZE;
        }
        try {
            int size = Integer.parseInt(raw.trim());
            if (size >= 1 && size <= MAX_PAGE_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range value
        }
        errors.add(new FieldViolation("pageSize", PAGE_SIZE_MESSAGE));
        return DEFAULT_PAGE_SIZE;
    }

    private static Cursor parseCursor(String field, String raw, List<FieldViolation> errors) {
        if (isBlank(raw)) {
            return null;
        }
        try {
            return Cursor.decode(raw.trim());
        } catch (InvalidCursorException e) {
            errors.add(new FieldViolation(field, "is not a valid cursor"));
            return null;
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
