package io.plugmate.vehicle.api;

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

import io.plugmate.commons.features.Feature;
import io.plugmate.commons.features.FeatureToggles;
import io.plugmate.commons.pagination.Page;
import io.plugmate.commons.pagination.PageParams;
import io.plugmate.commons.tenant.CallerTenant;
import io.plugmate.commons.tenant.Roles;
import io.plugmate.commons.validation.UserIds;
import io.plugmate.vehicle.service.VehicleService;
import io.smallrye.mutiny.Uni;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.API_CLIENT)
@Tag(name = "Vehicles", description = "Linked vehicles with their charge state, location and capabilities (Enode's fields)")
public class VehicleResource {

    private final VehicleService vehicles;
    private final CallerTenant tenant;
    private final FeatureToggles features;

    public VehicleResource(VehicleService vehicles, CallerTenant tenant, FeatureToggles features) {
        this.vehicles = vehicles;
        this.tenant = tenant;
        this.features = features;
    }

    @GET
    @Path("vehicles")
    @Operation(summary = "List the client's vehicles", description = "Cursor-paginated; filter with ?userId=.")
    public Uni<Page<VehicleView>> list(@BeanParam PageParams page,
            @QueryParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId) {
        String clientId = tenant.clientId();
        var request = page.toRequest();
        return vehicles.list(clientId, userId, request).map(p -> view(p, clientId));
    }

    @GET
    @Path("users/{userId}/vehicles")
    @Operation(summary = "List one user's vehicles")
    public Uni<Page<VehicleView>> listForUser(
            @PathParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId,
            @BeanParam PageParams page) {
        String clientId = tenant.clientId();
        var request = page.toRequest();
        return vehicles.list(clientId, userId, request).map(p -> view(p, clientId));
    }

    @GET
    @Path("vehicles/{id}")
    @Operation(summary = "Get a vehicle", description = "404 for an unknown id and for another client's vehicle.")
    @APIResponse(responseCode = "200", description = "The vehicle", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VehicleView.class)))
    @APIResponse(responseCode = "404", description = "No such vehicle for this client")
    public Uni<VehicleView> get(@PathParam("id") String id) {
        String clientId = tenant.clientId();
        return vehicles.get(clientId, id).map(v -> VehicleViews.of(v, toggles(clientId)));
    }

    @DELETE
    @Path("vehicles/{id}")
    @Operation(summary = "Unlink a vehicle", description = "Removes it and publishes DeviceRemoved.")
    @APIResponse(responseCode = "204", description = "Unlinked")
    @APIResponse(responseCode = "404", description = "No such vehicle for this client")
    public Uni<Response> unlink(@PathParam("id") String id) {
        return vehicles.unlink(tenant.clientId(), id).replaceWith(Response.noContent().build());
    }

    private Page<VehicleView> view(Page<io.plugmate.vehicle.persistence.VehicleEntity> page, String clientId) {
        VehicleViews.Toggles toggles = toggles(clientId);
        return new Page<>(page.data().stream().map(v -> VehicleViews.of(v, toggles)).toList(), page.pagination());
    }

    private VehicleViews.Toggles toggles(String clientId) {
        return new VehicleViews.Toggles(features.isEnabled(clientId, Feature.IMPROVED_CHARGE_RATE),
                features.isEnabled(clientId, Feature.ENHANCED_CHARGE_RATE_ESTIMATE));
    }
}
