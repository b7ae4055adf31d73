package io.plugmate.commons.pagination;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Cursors to the neighbouring pages; null when there is (as far as this page knows) nothing that way. Always
 * written, nulls included, so that clients can rely on both keys being present.
 */
// serialised by Jackson, also in a native image
@RegisterForReflection
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Pagination(String before, String after) {
}
