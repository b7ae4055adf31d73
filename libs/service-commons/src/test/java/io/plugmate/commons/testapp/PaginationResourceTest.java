package io.plugmate.commons.testapp;

import static io.plugmate.commons.testapp.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.plugmate.testinfra.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
class PaginationResourceTest {

    private static final String PATH = "/probe/items";

    private Response list(Map<String, ?> query) {
        return given().auth().oauth2(Tokens.apiClient("acme")).queryParams(query).get(PATH);
    }

    private JsonPath page(Map<String, ?> query) {
        Response response = list(query);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    @Test
    void theFirstPageHasDataAndBothCursorKeys() {
        Response response = list(Map.of("pageSize", 3));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonPath json = response.jsonPath();
        assertThat(json.getList("data.id")).containsExactly("item-0", "item-1", "item-2");
        assertThat(json.getMap("pagination")).containsOnlyKeys("before", "after");
        assertThat(json.getString("pagination.before")).isNull();
        assertThat(json.getString("pagination.after")).isNotBlank();
    }

    @Test
    void theDefaultPageHoldsEverything() {
        JsonPath json = page(Map.of());

        assertThat(json.getList("data")).hasSize(7);
        assertThat(json.getString("pagination.after")).isNull();
    }

    @Test
    void afterAndBeforeWalkBothWays() {
        JsonPath first = page(Map.of("pageSize", 3));
        JsonPath second = page(Map.of("pageSize", 3, "after", first.getString("pagination.after")));
        JsonPath third = page(Map.of("pageSize", 3, "after", second.getString("pagination.after")));
        JsonPath backToSecond = page(Map.of("pageSize", 3, "before", third.getString("pagination.before")));

        assertThat(second.getList("data.id")).containsExactly("item-3", "item-4", "item-5");
        assertThat(third.getList("data.id")).containsExactly("item-6");
        assertThat(third.getString("pagination.after")).isNull();
        assertThat(backToSecond.getList("data.id")).isEqualTo(second.getList("data.id"));
        assertThat(backToSecond.getString("pagination.before")).isEqualTo(second.getString("pagination.before"));
    }

    @Test
    void aBadCursorIs400NamingTheParameter() {
        Response response = list(Map.of("after", "definitely-not-a-cursor"));

        assertProblem(response, 400, PATH);
        assertThat(response.jsonPath().getList("errors.field")).containsExactly("after");
    }

    @Test
    void bothCursorsAre400() {
        String cursor = page(Map.of("pageSize", 1)).getString("pagination.after");

        Response response = list(Map.of("after", cursor, "before", cursor));

        assertProblem(response, 400, PATH);
        assertThat(response.jsonPath().getList("errors.field")).containsExactly("before");
    }

    @Test
    void pageSizeBoundsAreEnforced() {
        for (Object bad : List.of(0, 201, "many")) {
            Response response = list(Map.of("pageSize", bad));
            assertProblem(response, 400, PATH);
            assertThat(response.jsonPath().getList("errors.field")).containsExactly("pageSize");
        }
        assertThat(page(Map.of("pageSize", 200)).getList("data")).hasSize(7);
        assertThat(page(Map.of("pageSize", 1)).getList("data")).hasSize(1);
    }
}
