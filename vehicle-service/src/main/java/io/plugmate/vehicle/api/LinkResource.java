package io.plugmate.vehicle.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.plugmate.commons.tenant.CallerTenant;
import io.plugmate.commons.tenant.Roles;
import io.plugmate.commons.time.WallClock;
import io.plugmate.commons.validation.UserIds;
import io.plugmate.vehicle.persistence.LinkSessionEntity;
import io.plugmate.vehicle.service.LinkingService;
import io.smallrye.mutiny.Uni;

/** The API client's side of linking: create a session for a user, then follow its status. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.API_CLIENT)
@Tag(name = "Linking", description = LinkResource.LINKING)
public class LinkResource {

    /** The tag's description, shared with the browser half of the flow ({@link LinkFlowResource}). */
    static final String LINKING = "Linking a user's OEM account: a link session for the API client, then the user's "
            + "browser through the OEM's consent";

    public record LinkResponse(String linkUrl, String linkToken, String linkSessionId) {
    }

    public record LinkSessionView(String id, String userId, String vendor, List<String> vendorTypes,
            List<String> scopes, String status, String failureReason, Instant createdAt, Instant expiresAt,
            Instant completedAt) {
    }

    private final LinkingService linking;
    private final CallerTenant tenant;

    public LinkResource(LinkingService linking, CallerTenant tenant) {
        this.linking = linking;
        this.tenant = tenant;
    }

    @POST
    @Path("users/{userId}/link")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start linking a user's OEM account", description = "Returns a single-use linkUrl for the "
            + "user's browser; the user is sent back to redirectUri with linkSessionId and status or error.")
    public Uni<Response> link(@PathParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId,
            @NotNull @Valid LinkRequest request) {
        return linking.create(tenant.clientId(), userId, request)
                .map(created -> Response.status(Response.Status.CREATED)
                        .header("Location", "/link-sessions/" + created.id())
                        .entity(new LinkResponse(created.linkUrl(), created.linkToken(), created.id().toString()))
                        .build());
    }

    @GET
    @Path("link-sessions/{id}")
    @Operation(summary = "A link session's status", description = "404 for another client's session.")
    @APIResponse(responseCode = "200", description = "The link session", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LinkSessionView.class)))
    @APIResponse(responseCode = "404", description = "No such link session for this client")
    public Uni<LinkSessionView> session(@PathParam("id") String id) {
        return linking.get(tenant.clientId(), id).map(LinkResource::view);
    }

    private static LinkSessionView view(LinkSessionEntity s) {
        List<String> types = new ArrayList<>();
        if (s.vehicleRequested) {
            types.add("vehicle");
        }
        if (s.chargerRequested) {
            types.add("charger");
        }
        return new LinkSessionView(s.id.toString(), s.userId, s.vendor, types, List.of(s.scopes.split(" ")),
                s.effectiveStatus(WallClock.now()).name(), s.failureReason, s.createdAt, s.expiresAt,
                s.completedAt);
    }
}
