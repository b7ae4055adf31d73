package io.plugmate.charger.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.plugmate.charger.persistence.ChargerEntity;
import io.plugmate.charger.service.ChargerService;
import io.plugmate.commons.pagination.Page;
import io.plugmate.commons.pagination.PageParams;
import io.plugmate.commons.tenant.CallerTenant;
import io.plugmate.commons.tenant.Roles;
import io.plugmate.commons.validation.UserIds;
import io.smallrye.mutiny.Uni;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.API_CLIENT)
@Tag(name = "Chargers", description = "Linked home chargers with their charge state, supply and capabilities (Enode's fields)")
public class ChargerResource {

    private final ChargerService chargers;
    private final CallerTenant tenant;

    public ChargerResource(ChargerService chargers, CallerTenant tenant) {
        this.chargers = chargers;
        this.tenant = tenant;
    }

    @GET
    @Path("chargers")
    @Operation(summary = "List the client's chargers", description = "Cursor-paginated; filter with ?userId=.")
    public Uni<Page<ChargerView>> list(@BeanParam PageParams page,
            @QueryParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId) {
        String clientId = tenant.clientId();
        var request = page.toRequest();
        return chargers.list(clientId, userId, request).map(ChargerResource::view);
    }

    @GET
    @Path("users/{userId}/chargers")
    @Operation(summary = "List one user's chargers")
    public Uni<Page<ChargerView>> listForUser(
            @PathParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId,
            @BeanParam PageParams page) {
        String clientId = tenant.clientId();
        var request = page.toRequest();
        return chargers.list(clientId, userId, request).map(ChargerResource::view);
    }

    @GET
    @Path("chargers/{id}")
    @Operation(summary = "Get a charger", description = "404 for an unknown id and for another client's charger.")
    @APIResponse(responseCode = "200", description = "The charger", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChargerView.class)))
    @APIResponse(responseCode = "404", description = "No such charger for this client")
    public Uni<ChargerView> get(@PathParam("id") String id) {
        String clientId = tenant.clientId();
        return chargers.get(clientId, id).map(ChargerView::of);
    }

    @DELETE
    @Path("chargers/{id}")
    @Operation(summary = "Unlink a charger", description = "Removes it and publishes DeviceRemoved.")
    @APIResponse(responseCode = "204", description = "Unlinked")
    @APIResponse(responseCode = "404", description = "No such charger for this client")
    public Uni<Response> unlink(@PathParam("id") String id) {
        return chargers.unlink(tenant.clientId(), id).replaceWith(Response.noContent().build());
    }

    private static Page<ChargerView> view(Page<ChargerEntity> page) {
        return new Page<>(page.data().stream().map(ChargerView::of).toList(), page.pagination());
    }
}
