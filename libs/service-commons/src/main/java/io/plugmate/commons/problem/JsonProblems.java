package io.plugmate.commons.problem;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

/**
 * Explains a body Jackson could not read without quoting Jackson: its messages name Java types ("Cannot deserialize
 * value of type `io.plugmate...`"), so only the JSON path, the location and, for enums, the allowed values are used.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    /** @param mapper the mapper that read the body, used to spell enum values the way the API writes them */
    public static Problem toProblem(JsonProcessingException e, String instance, ObjectMapper mapper) {
        if (e instanceof JsonMappingException mapping) {
            if (mapping.getPath().isEmpty()) {
                return Problem.of(ProblemType.VALIDATION, "The request body does not have the expected shape.", instance);
            }
            return Problem.of(ProblemType.VALIDATION, "The request body has invalid fields.", instance)
                    .withErrors(List.of(new FieldViolation(path(mapping), message(mapping, mapper))));
        }
        return Problem.of(ProblemType.MALFORMED_BODY, "The request body is not valid JSON" + where(e) + ".", instance);
    }

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String message(JsonMappingException e, ObjectMapper mapper) {
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return "must be one of " + Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(constant -> mapper.valueToTree(constant).asText())
                    .toList();
        }
        if (e instanceof PropertyBindingException) {
            return "is not a known property";
        }
        if (e instanceof InvalidFormatException || e instanceof ValueInstantiationException) {
            return "has an invalid value";
        }
        return "is missing or has the wrong type";
    }

    private static String where(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
