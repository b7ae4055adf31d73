package io.plugmate.commons.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;

class OptionalPropertiesAreNullableTest {

    private final Schema action = OASFactory.createSchema().addType(SchemaType.OBJECT)
            .addProperty("id", string())
            .addProperty("completedAt", string())
            .addProperty("targetType", string().enumeration(List.of("vehicle", "charger")))
            .addProperty("failureReason", OASFactory.createSchema().ref("#/components/schemas/FailureReason")
                    .addType(SchemaType.OBJECT).description("Why it failed"))
            .addProperty("steps", OASFactory.createSchema().addType(SchemaType.ARRAY).items(string()))
            .addProperty("plan", OASFactory.createSchema().addType(SchemaType.OBJECT)
                    .addProperty("outcome", string()))
            .addRequired("id");

    private final OpenAPI document = OASFactory.createOpenAPI()
            .components(OASFactory.createComponents().schemas(Map.of("Action", action)));

    @Test
    void optionalPropertiesMayBeNullRequiredOnesAndArraysMayNot() {
        new OptionalPropertiesAreNullable().filterOpenAPI(document);

        Map<String, Schema> p = action.getProperties();
        assertThat(p.get("id").getType()).containsExactly(SchemaType.STRING);
        assertThat(p.get("completedAt").getType()).containsExactly(SchemaType.STRING, SchemaType.NULL);
        assertThat(p.get("steps").getType()).containsExactly(SchemaType.ARRAY);
        assertThat(p.get("plan").getProperties().get("outcome").getType())
                .containsExactly(SchemaType.STRING, SchemaType.NULL);
    }

    @Test
    void anEnumListsNullAmongItsValues() {
        new OptionalPropertiesAreNullable().filterOpenAPI(document);

        assertThat(action.getProperties().get("targetType").getEnumeration())
                .isEqualTo(Arrays.asList("vehicle", "charger", null));
    }

    @Test
    void aReferenceBecomesEitherTheReferencedSchemaOrNullKeepingItsDescription() {
        new OptionalPropertiesAreNullable().filterOpenAPI(document);

        Schema failure = action.getProperties().get("failureReason");
        assertThat(failure.getRef()).isNull();
        assertThat(failure.getType()).isNull();
        assertThat(failure.getDescription()).isEqualTo("Why it failed");
        assertThat(failure.getAnyOf()).hasSize(2);
        assertThat(failure.getAnyOf().get(0).getRef()).isEqualTo("#/components/schemas/FailureReason");
        assertThat(failure.getAnyOf().get(1).getType()).containsExactly(SchemaType.NULL);
    }

    @Test
    void runningTwiceChangesNothingMore() {
        OptionalPropertiesAreNullable filter = new OptionalPropertiesAreNullable();
        filter.filterOpenAPI(document);
        filter.filterOpenAPI(document);

        assertThat(action.getProperties().get("completedAt").getType())
                .containsExactly(SchemaType.STRING, SchemaType.NULL);
        assertThat(action.getProperties().get("failureReason").getAnyOf()).hasSize(2);
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(SchemaType.STRING);
    }
}
