package io.plugmate.commons.openapi;

import java.util.Map;
import java.util.Objects;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import io.plugmate.commons.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Says in every service's document what every operation can answer besides what its resource declares, and in which
 * shape: each error is an RFC 9457 problem ({@code Problem}, described once under components); any operation
 * answers 503 with {@code Retry-After} while the database is away (ADR 0015); one with a constrained parameter (a
 * pattern, bounds: the document shows them) answers 400 when it is broken — a client generated from the document
 * must expect all three. Responses SmallRye derives from security annotations ("Not Authorized") get the problem body they
 * really have. Runs at build time like {@link OptionalPropertiesAreNullable}.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ErrorResponsesAreProblems implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String FIELD_VIOLATION = "FieldViolation";
    /** Marks schemas whose optional properties are left out when empty, never written as null. */
    static final String ABSENT_NOT_NULL = "x-absent-when-empty";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        addSchemas(openAPI.getComponents());
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : item.getOperations().values()) {
                describe(operation);
            }
        }
    }

    private static void describe(Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (!responses.hasAPIResponse("400") && hasConstrainedParameter(operation)) {
            responses.addAPIResponse("400", OASFactory.createAPIResponse().description(
                    "A parameter is not valid: `errors` names each one and why"));
        }
        if (!responses.hasAPIResponse("503")) {
            responses.addAPIResponse("503", OASFactory.createAPIResponse().description(
                    "The service's database is unavailable for now: nothing was changed; send the request again after "
                            + "Retry-After seconds"));
        }
        for (Map.Entry<String, APIResponse> entry : responses.getAPIResponses().entrySet()) {
            if (isError(entry.getKey())) {
                problemBody(entry.getValue());
                if (entry.getKey().equals("503") || entry.getKey().equals("429")) {
                    retryAfter(entry.getValue());
                }
            }
        }
    }

    /** A parameter the document constrains (a pattern, bounds, a set of values) is checked: breaking it is a 400. */
    private static boolean hasConstrainedParameter(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .map(Parameter::getSchema).filter(Objects::nonNull)
                .anyMatch(schema -> schema.getPattern() != null || schema.getMinimum() != null
                        || schema.getMaximum() != null || schema.getEnumeration() != null
                        || schema.getMinLength() != null || schema.getMaxLength() != null);
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    private static void problemBody(APIResponse response) {
        Content content = response.getContent();
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
            content = OASFactory.createContent();
            response.setContent(content);
        }
        MediaType problem = content.getMediaType(Problem.MEDIA_TYPE);
        if (problem == null) {
            problem = OASFactory.createMediaType();
            content.addMediaType(Problem.MEDIA_TYPE, problem);
        }
        if (problem.getSchema() == null) {
            problem.setSchema(OASFactory.createSchema().ref(PROBLEM));
        }
    }

    private static void retryAfter(APIResponse response) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey("Retry-After")) {
            Header header = OASFactory.createHeader()
                    .description("Seconds to wait before sending the request again (at least 1)")
                    .schema(OASFactory.createSchema().addType(SchemaType.INTEGER).minimum(java.math.BigDecimal.ONE));
            response.addHeader("Retry-After", header);
        }
    }

    private static void addSchemas(Components components) {
        if (components.getSchemas() == null || !components.getSchemas().containsKey(FIELD_VIOLATION)) {
            components.addSchema(FIELD_VIOLATION, OASFactory.createSchema().addType(SchemaType.OBJECT)
                    .description("One field that was not valid")
                    .addProperty("field", text("The field, as a JSON path into the request or a parameter's name"))
                    .addProperty("message", text("What is wrong with it"))
                    .addRequired("field").addRequired("message"));
        }
        if (components.getSchemas() == null || !components.getSchemas().containsKey(PROBLEM)) {
            components.addSchema(PROBLEM, OASFactory.createSchema().addType(SchemaType.OBJECT)
                    .description("An RFC 9457 problem detail: the body of every error response")
                    .addExtension(ABSENT_NOT_NULL, true)
                    .addProperty("type", text("A URI naming the kind of problem").format("uri"))
                    .addProperty("title", text("The kind of problem, in words"))
                    .addProperty("status", OASFactory.createSchema().addType(SchemaType.INTEGER)
                            .description("The HTTP status"))
                    .addProperty("detail", text("What went wrong with this request"))
                    .addProperty("instance", text("The request's path"))
                    .addProperty("errors", OASFactory.createSchema().addType(SchemaType.ARRAY)
                            .description("The fields that were not valid (400 only)")
                            .items(OASFactory.createSchema().ref(FIELD_VIOLATION)))
                    .addProperty("errorId", text("Set on 500 only: quote it, an operator finds the logged cause"))
                    .addRequired("type").addRequired("title").addRequired("status"));
        }
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }
}
