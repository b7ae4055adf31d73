package io.plugmate.vehicle.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.plugmate.commons.tenant.CallerTenant;
import io.plugmate.commons.tenant.Roles;
import io.plugmate.commons.validation.UserIds;
import io.plugmate.vehicle.service.UserService;
import io.smallrye.mutiny.Uni;

// at the root like the other resources: a class path of /users/{userId} would take /users/{userId}/link and
// /users/{userId}/vehicles away from their classes (JAX-RS matches the class path first)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.API_CLIENT)
@Tag(name = "Users", description = "The API client's end users: erasure of everything about one of them")
public class UserResource {

    private final UserService users;
    private final CallerTenant tenant;

    public UserResource(UserService users, CallerTenant tenant) {
        this.users = users;
        this.tenant = tenant;
    }

    @DELETE
    @Path("users/{userId}")
    @Operation(summary = "Delete a user and everything about them", description = """
            GDPR erasure (docs/adr/0011). Every OEM grant of the user is revoked at the OEM and the user's vehicles,
            linked accounts, credentials and link sessions are deleted at once; `UserDeleted` is published and every
            other service deletes what it holds of the user (chargers, observations, pairs and their history, actions,
            charging sessions and statistics) shortly after: hence 202. A user the client has nothing linked for, or
            another client's user, is 404 — as is a second request once the first was accepted.""")
    @APIResponse(responseCode = "202", description = "The user is deleted here; the other services follow")
    @APIResponse(responseCode = "404", description = "No such user of this client")
    public Uni<Response> delete(
            @PathParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId) {
        return users.delete(tenant.clientId(), userId).replaceWith(Response.accepted().build());
    }
}
