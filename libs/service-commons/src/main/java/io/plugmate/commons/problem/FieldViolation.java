package io.plugmate.commons.problem;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** One invalid input: {@code field} is the JSON property or query parameter name as the caller wrote it. */
// serialised by Jackson, also in a native image
@RegisterForReflection
public record FieldViolation(String field, String message) {
}
