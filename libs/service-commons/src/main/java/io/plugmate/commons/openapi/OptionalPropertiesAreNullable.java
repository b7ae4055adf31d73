package io.plugmate.commons.openapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Says in every service's document what the services' JSON does: a property that is not {@code required} is written as
 * {@code null} when it has no value (Jackson's default inclusion, which the API keeps — Enode's shapes show nulls).
 * Without this, SmallRye describes such a property as a plain string/object, the documented examples (which show the
 * nulls a client really gets) do not match their own schemas, and generated SDKs fail on real responses.
 *
 * <p>
 * Arrays stay non-null: every list the services return is at least empty. Runs at build time, so the stored document
 * (target/openapi, checked by the gateway's lint) and the served one are the same.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class OptionalPropertiesAreNullable implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        openAPI.getComponents().getSchemas().values().stream().filter(OptionalPropertiesAreNullable::writesNulls)
                .forEach(OptionalPropertiesAreNullable::visitObject);
    }

    /** The problem body leaves empty fields out (ErrorResponsesAreProblems marks it): absent, never null. */
    private static boolean writesNulls(Schema schema) {
        return schema.getExtensions() == null
                || !Boolean.TRUE.equals(schema.getExtensions().get(ErrorResponsesAreProblems.ABSENT_NOT_NULL));
    }

    private static void visitObject(Schema object) {
        Map<String, Schema> properties = object.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = object.getRequired() == null ? List.of() : object.getRequired();
        properties.forEach((name, property) -> {
            visitObject(property);
            if (!required.contains(name)) {
                allowNull(property);
            }
        });
    }

    static void allowNull(Schema property) {
        List<SchemaType> types = property.getType();
        if (property.getRef() != null) {
            Schema reference = OASFactory.createSchema().ref(property.getRef());
            property.setRef(null);
            property.setType(null); // SmallRye may add "type: object" next to a $ref with a description
            property.setAnyOf(List.of(reference, OASFactory.createSchema().addType(SchemaType.NULL)));
        } else if (types != null && !types.isEmpty() && !types.contains(SchemaType.ARRAY)
                && !types.contains(SchemaType.NULL)) {
            property.addType(SchemaType.NULL);
            if (property.getEnumeration() != null && !property.getEnumeration().contains(null)) {
                List<Object> values = new ArrayList<>(property.getEnumeration());
                values.add(null);
                property.setEnumeration(values);
            }
        }
    }
}
