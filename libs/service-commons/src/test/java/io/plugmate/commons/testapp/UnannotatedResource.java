package io.plugmate.commons.testapp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only: an endpoint whose author forgot the security annotation. It must be denied, not public. */
@Path("/probe-unannotated")
@Produces(MediaType.TEXT_PLAIN)
public class UnannotatedResource {

    @GET
    public String open() {
        return "nobody should read this";
    }
}
