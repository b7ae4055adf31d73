package io.plugmate.commons.problem;

/** One invalid input: {@code field} is the JSON property or query parameter name as the caller wrote it. */
public record FieldViolation(String field, String message) {
}
