package io.plugmate.commons.problem;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Turns Bean Validation violations into {@link FieldViolation}s named the way the caller sees them: JSON property
 * paths for bodies ({@code items[2].name}) and the HTTP parameter name for parameters ({@code pageSize}), never the
 * Java method or parameter names the raw property path starts with.
 */
public final class ViolationProblems {

    private ViolationProblems() {
    }

    /** True when a resource method returned an invalid value: that is our bug (500), not the caller's (400). */
    public static boolean isReturnValueViolation(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream()
                .anyMatch(v -> hasKind(v.getPropertyPath(), ElementKind.RETURN_VALUE));
    }

    /** @param method the resource method the violations are about, or null when unknown */
    public static List<FieldViolation> fieldViolations(Set<? extends ConstraintViolation<?>> violations, Method method) {
        return violations.stream()
                .map(v -> new FieldViolation(fieldName(v.getPropertyPath(), method), v.getMessage()))
                .sorted(Comparator.comparing(FieldViolation::field).thenComparing(FieldViolation::message))
                .toList();
    }

    static String fieldName(Path path, Method method) {
        StringBuilder field = new StringBuilder();
        String parameterName = null;
        boolean executableSeen = false;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR -> executableSeen = true;
                case PARAMETER -> parameterName = parameterName(node, method);
                case CROSS_PARAMETER, RETURN_VALUE -> {
                    // nothing the caller can name
                }
                default -> appendNode(field, node);
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        if (parameterName != null) {
            return parameterName;
        }
        return executableSeen ? "body" : "";
    }

    private static void appendNode(StringBuilder field, Path.Node node) {
        if (node.isInIterable()) {
            Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
            field.append('[').append(position == null ? "" : position).append(']');
        }
        if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
            if (!field.isEmpty()) {
                field.append('.');
            }
            field.append(node.getName());
        }
    }

    private static String parameterName(Path.Node node, Method method) {
        int index = node.as(Path.ParameterNode.class).getParameterIndex();
        if (method != null && index < method.getParameterCount()) {
            for (Annotation annotation : method.getParameterAnnotations()[index]) {
                String httpName = httpName(annotation);
                if (httpName != null) {
                    return httpName;
                }
            }
            // a resource method parameter without a parameter annotation is the request body
            return "body";
        }
        return node.getName();
    }

    private static String httpName(Annotation annotation) {
        return switch (annotation) {
            case QueryParam q -> q.value();
            case PathParam p -> p.value();
            case HeaderParam h -> h.value();
            case FormParam f -> f.value();
            case CookieParam c -> c.value();
            case RestQuery q -> blankToNull(q.value());
            case RestPath p -> blankToNull(p.value());
            case RestHeader h -> blankToNull(h.value());
            default -> null;
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static boolean hasKind(Path path, ElementKind kind) {
        for (Path.Node node : path) {
            if (node.getKind() == kind) {
                return true;
            }
        }
        return false;
    }
}
