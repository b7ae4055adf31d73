package io.plugmate.commons.pagination;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One page of a list, the shape every list endpoint returns: {@code {"data": [...], "pagination": {...}}}. */
// serialised by Jackson, also in a native image
@RegisterForReflection
public record Page<T>(List<T> data, Pagination pagination) {

    public Page {
        data = List.copyOf(data);
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), new Pagination(null, null));
    }
}
