package io.plugmate.orchestration.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.plugmate.commons.tenant.CallerTenant;
import io.plugmate.commons.tenant.Roles;
import io.plugmate.orchestration.service.FeatureAdmin;
import io.smallrye.mutiny.Uni;

@Path("/features")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.API_CLIENT)
@Tag(name = "Features", description = "Per-client feature toggles")
public class FeatureResource {

    private final FeatureAdmin features;
    private final CallerTenant tenant;

    public FeatureResource(FeatureAdmin features, CallerTenant tenant) {
        this.features = features;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "The caller's effective toggles", description = "Every toggle of architecture §8 with its "
            + "value for this client and where it comes from: the platform default, or an override an admin set.")
    @APIResponse(responseCode = "200", description = "The toggles", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeaturesView.class), examples = @ExampleObject(name = "orchestration off", value = FeaturesView.EXAMPLE)))
    public Uni<FeaturesView> effective() {
        String clientId = tenant.clientId();
        return features.snapshot(clientId)
                .map(s -> FeaturesView.of(clientId, s.effective(), s.updatedAt(), s.updatedBy()));
    }
}
