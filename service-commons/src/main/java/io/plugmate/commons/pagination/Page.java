package io.plugmate.commons.pagination;

import java.util.List;

/** One page of a list, the shape every list endpoint returns: {@code {"data": [...], "pagination": {...}}}. */
public record Page<T>(List<T> data, Pagination pagination) {

    public Page {
        data = List.copyOf(data);
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), new Pagination(null, null));
    }
}
