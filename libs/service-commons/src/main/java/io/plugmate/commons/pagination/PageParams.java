package io.plugmate.commons.pagination;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The paging query parameters, for a resource method: {@code list(@BeanParam PageParams page)} then
 * {@code page.toRequest()}. Kept as strings so that parsing errors become problems with field names.
 */
public class PageParams {

    @QueryParam("pageSize")
    @Parameter(description = "Items per page, 1 to " + PageRequest.MAX_PAGE_SIZE + " (default "
            + PageRequest.DEFAULT_PAGE_SIZE
            + "); anything else is a 400", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = ""
                    + PageRequest.MAX_PAGE_SIZE, defaultValue = "" + PageRequest.DEFAULT_PAGE_SIZE))
    String pageSize;

    @QueryParam("after")
    @Parameter(description = "The page after this one: `pagination.after` of the previous answer, as it was; "
            + "not together with `before`")
    String after;

    @QueryParam("before")
    @Parameter(description = "The page before this one: `pagination.before` of the previous answer, as it was; "
            + "not together with `after`")
    String before;

    public PageParams() {
    }

    public PageParams(String pageSize, String after, String before) {
        this.pageSize = pageSize;
        this.after = after;
        this.before = before;
    }

    public PageRequest toRequest() {
        return PageRequest.of(pageSize, after, before);
    }
}
