package io.plugmate.commons.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class ErrorResponsesAreProblemsTest {

    private final Operation list = OASFactory.createOperation()
            .addParameter(OASFactory.createParameter().name("pageSize").in(Parameter.In.QUERY)
                    .schema(OASFactory.createSchema().addType(SchemaType.INTEGER).maximum(BigDecimal.valueOf(200))))
            .responses(OASFactory.createAPIResponses().addAPIResponse("200", OASFactory.createAPIResponse()));
    private final Operation read = OASFactory.createOperation()
            .addParameter(OASFactory.createParameter().name("id").in(Parameter.In.PATH)
                    .schema(OASFactory.createSchema().addType(SchemaType.STRING)))
            .responses(OASFactory.createAPIResponses()
                    .addAPIResponse("200", OASFactory.createAPIResponse().description("The vehicle"))
                    .addAPIResponse("401", OASFactory.createAPIResponse().description("Not Authorized")));
    private final Operation receive = OASFactory.createOperation().responses(OASFactory.createAPIResponses()
            .addAPIResponse("503", OASFactory.createAPIResponse().description("Not stored, send it again")
                    .content(OASFactory.createContent().addMediaType("application/problem+json",
                            OASFactory.createMediaType()))));
    private final OpenAPI document = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
            .addPathItem("/vehicles", OASFactory.createPathItem().GET(list))
            .addPathItem("/vehicles/{id}", OASFactory.createPathItem().GET(read))
            .addPathItem("/oem/{vendor}/webhooks", OASFactory.createPathItem().POST(receive)));

    @Test
    void everyOperationMayAnswer503WithRetryAfter() {
        new ErrorResponsesAreProblems().filterOpenAPI(document);

        APIResponse unavailable = read.getResponses().getAPIResponse("503");
        assertThat(unavailable.getDescription()).contains("Retry-After");
        assertThat(unavailable.getHeaders().get("Retry-After").getSchema().getType())
                .containsExactly(SchemaType.INTEGER);
        assertThat(problemRef(unavailable)).isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void aDeclared503KeepsItsWordsAndGainsTheBodyAndHeader() {
        new ErrorResponsesAreProblems().filterOpenAPI(document);

        APIResponse unavailable = receive.getResponses().getAPIResponse("503");
        assertThat(unavailable.getDescription()).isEqualTo("Not stored, send it again");
        assertThat(unavailable.getHeaders()).containsKey("Retry-After");
        assertThat(problemRef(unavailable)).isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void errorsWithoutABodyAreProblemsAndSuccessesAreLeftAlone() {
        new ErrorResponsesAreProblems().filterOpenAPI(document);

        assertThat(problemRef(read.getResponses().getAPIResponse("401"))).isEqualTo("#/components/schemas/Problem");
        assertThat(read.getResponses().getAPIResponse("200").getContent()).isNull();
        assertThat(read.getResponses().getAPIResponse("401").getHeaders()).isNull();
    }

    @Test
    void theProblemIsDescribedOnceAndItsEmptyFieldsAreAbsentNotNull() {
        new ErrorResponsesAreProblems().filterOpenAPI(document);
        new OptionalPropertiesAreNullable().filterOpenAPI(document);

        var schemas = document.getComponents().getSchemas();
        assertThat(schemas.get("Problem").getRequired()).containsExactly("type", "title", "status");
        assertThat(schemas.get("Problem").getProperties().get("detail").getType()).containsExactly(SchemaType.STRING);
        assertThat(schemas.get("Problem").getProperties().get("errors").getItems().getRef())
                .isEqualTo("#/components/schemas/FieldViolation");
        assertThat(schemas.get("FieldViolation").getRequired()).containsExactly("field", "message");
    }

    @Test
    void aConstrainedParameterMeansA400AndAnUnconstrainedOneDoesNot() {
        new ErrorResponsesAreProblems().filterOpenAPI(document);

        assertThat(list.getResponses().getAPIResponse("400").getDescription()).contains("errors");
        assertThat(problemRef(list.getResponses().getAPIResponse("400"))).isEqualTo("#/components/schemas/Problem");
        assertThat(read.getResponses().hasAPIResponse("400")).isFalse();
    }

    private static String problemRef(APIResponse response) {
        return response.getContent().getMediaType("application/problem+json").getSchema().getRef();
    }
}
