package io.plugmate.commons.pagination;

import jakarta.ws.rs.QueryParam;

/**
 * The paging query parameters, for a resource method: {@code list(@BeanParam PageParams page)} then
 * {@code page.toRequest()}. Kept as strings so that parsing errors become problems with field names.
 */
public class PageParams {

    @QueryParam("pageSize")
    String pageSize;

    @QueryParam("after")
    String after;

    @QueryParam("before")
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
