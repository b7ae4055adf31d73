package io.plugmate.orchestration.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.plugmate.commons.pagination.Page;
import io.plugmate.commons.pagination.PageParams;
import io.plugmate.commons.tenant.CallerTenant;
import io.plugmate.commons.tenant.Roles;
import io.plugmate.events.ActionState;
import io.plugmate.orchestration.persistence.ActionRepository;
import io.plugmate.orchestration.service.ActionQueries;
import io.plugmate.orchestration.service.ActionService;
import io.smallrye.mutiny.Uni;

@Path("/actions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.API_CLIENT)
@Tag(name = "Actions")
public class ActionResource {

    private final ActionQueries queries;
    private final ActionService actions;
    private final CallerTenant tenant;

    public ActionResource(ActionQueries queries, ActionService actions, CallerTenant tenant) {
        this.queries = queries;
        this.actions = actions;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "List the client's actions", description = "Cursor-paginated, oldest first.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "one pending", value = ActionExamples.LIST)))
    public Uni<Page<ActionView>> list(@BeanParam PageParams page,
            @Parameter(description = "Only actions on this vehicle or charger") @QueryParam("targetId") @Pattern(regexp = Ids.DEVICE, message = Ids.DEVICE_MESSAGE) String targetId,
            @Parameter(description = "Only actions in this state", schema = @Schema(enumeration = { "PENDING",
                    "CONFIRMED", "FAILED",
                    "CANCELLED" })) @QueryParam("state") @Pattern(regexp = "PENDING|CONFIRMED|FAILED|CANCELLED", message = "must be one of PENDING, CONFIRMED, FAILED, CANCELLED") String state) {
        String clientId = tenant.clientId();
        var request = page.toRequest();
        var filter = new ActionRepository.Filter(blankToNull(targetId),
                blankToNull(state) == null ? null : ActionState.valueOf(state));
        return queries.list(clientId, filter, request)
                .map(p -> new Page<>(p.data().stream().map(ActionView::of).toList(), p.pagination()));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an action", description = "404 for an unknown id and for another client's action.")
    @APIResponse(responseCode = "200", description = "The action", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionView.class), examples = {
            @ExampleObject(name = "pending", value = ActionExamples.PENDING),
            @ExampleObject(name = "cancelled at creation", value = ActionExamples.CANCELLED_AT_CREATION) }))
    @APIResponse(responseCode = "404", description = "No such action for this client", content = @Content(mediaType = "application/problem+json"))
    public Uni<ActionView> get(@PathParam("id") String id) {
        return queries.get(tenant.clientId(), Ids.action(id)).map(ActionView::of);
    }

    @GET
    @Path("{id}/plan")
    @Operation(summary = "An action's plan", description = "Every route considered and why it was taken or refused, "
            + "each command and its result, each reported state that confirmed or contradicted it, with times.")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PlanView.class), examples = @ExampleObject(name = "started through the pair", value = ActionExamples.PLAN)))
    @APIResponse(responseCode = "404", description = "No such action for this client", content = @Content(mediaType = "application/problem+json"))
    public Uni<PlanView> plan(@PathParam("id") String id) {
        return queries.get(tenant.clientId(), Ids.action(id)).map(PlanView::of);
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel a pending action", description = "CANCELLED with failureReason "
            + "CANCELLED_BY_CLIENT. A command already sent is not called back.")
    @APIResponse(responseCode = "200", description = "The cancelled action")
    @APIResponse(responseCode = "404", description = "No such action for this client", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "The action is no longer PENDING", content = @Content(mediaType = "application/problem+json"))
    public Uni<ActionView> cancel(@PathParam("id") String id) {
        return actions.cancel(tenant.clientId(), Ids.action(id)).map(ActionView::of);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
