package io.plugmate.pairing.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.plugmate.commons.tenant.CallerTenant;
import io.plugmate.commons.tenant.Roles;
import io.plugmate.pairing.service.PairingService;
import io.smallrye.mutiny.Uni;

/**
 * A person who knows better. Verdicts go through the same locked path as the Kafka inputs, so they are ordered with
 * the user's telemetry, remembered in the detector's state, recorded in the history and published like any decision.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.API_CLIENT)
@Tag(name = "Pairs")
public class PairVerdictResource {

    private final PairingService pairing;
    private final CallerTenant tenant;

    public PairVerdictResource(PairingService pairing, CallerTenant tenant) {
        this.pairing = pairing;
        this.tenant = tenant;
    }

    @POST
    @Path("pairs/{id}/confirm")
    @Operation(summary = "Confirm a pair", description = "The vehicle is plugged into this charger. Activates the pair "
            + "now when both report being plugged in (ending any other active pair of either device), and counts as "
            + "evidence for it from then on. Returns the updated pair.")
    @APIResponse(responseCode = "200", description = "The updated pair")
    @APIResponse(responseCode = "404", description = "No such pair for this client", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "The pair is dissolved", content = @Content(mediaType = "application/problem+json"))
    public Uni<PairView> confirm(@PathParam("id") String id) {
        return pairing.confirm(tenant.clientId(), id).map(PairView::of);
    }

    @POST
    @Path("pairs/{id}/reject")
    @Operation(summary = "Reject a pair", description = "The vehicle is not plugged into this charger. Deactivates an "
            + "active pair (PairDeactivated) and detection never activates it again; a later confirmation overrides "
            + "this. Returns the updated pair.")
    @APIResponse(responseCode = "200", description = "The updated pair")
    @APIResponse(responseCode = "404", description = "No such pair for this client", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "The pair is dissolved", content = @Content(mediaType = "application/problem+json"))
    public Uni<PairView> reject(@PathParam("id") String id) {
        return pairing.reject(tenant.clientId(), id).map(PairView::of);
    }
}
