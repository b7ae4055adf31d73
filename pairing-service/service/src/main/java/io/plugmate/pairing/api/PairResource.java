package io.plugmate.pairing.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
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
import io.plugmate.commons.validation.UserIds;
import io.plugmate.pairing.persistence.PairEntity;
import io.plugmate.pairing.service.PairQueries;
import io.smallrye.mutiny.Uni;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.API_CLIENT)
@Tag(name = "Pairs", description = "EV systems: which vehicle is plugged into which charger, with evidence and history")
public class PairResource {

    private final PairQueries queries;
    private final CallerTenant tenant;

    public PairResource(PairQueries queries, CallerTenant tenant) {
        this.queries = queries;
        this.tenant = tenant;
    }

    @GET
    @Path("pairs")
    @Operation(summary = "List the client's pairs", description = "Cursor-paginated, oldest first. Without ?state= "
            + "dissolved pairs are left out; ?state=DISSOLVED lists them.")
    public Uni<Page<PairView>> list(@BeanParam PageParams page, @Valid @BeanParam PairFilters filters,
            @Parameter(description = "Only this user's pairs") @QueryParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId) {
        String clientId = tenant.clientId();
        var request = page.toRequest();
        return queries.list(clientId, filters.toFilter(userId), request).map(PairResource::views);
    }

    @GET
    @Path("users/{userId}/pairs")
    @Operation(summary = "List one user's pairs", description = "Like GET /pairs?userId=.")
    public Uni<Page<PairView>> listForUser(
            @PathParam("userId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String userId,
            @BeanParam PageParams page, @Valid @BeanParam PairFilters filters) {
        String clientId = tenant.clientId();
        var request = page.toRequest();
        return queries.list(clientId, filters.toFilter(userId), request).map(PairResource::views);
    }

    @GET
    @Path("pairs/{id}")
    @Operation(summary = "Get a pair", description = "State, confidence, the evidence behind it and, while "
            + "AMBIGUOUS, the rival pairs. 404 for an unknown id and for another client's pair.")
    @APIResponse(responseCode = "200", description = "The pair", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PairView.class), examples = {
            @ExampleObject(name = "active", value = PairExamples.ACTIVE_PAIR),
            @ExampleObject(name = "ambiguous", value = PairExamples.AMBIGUOUS_PAIR) }))
    @APIResponse(responseCode = "404", description = "No such pair for this client", content = @Content(mediaType = "application/problem+json"))
    public Uni<PairView> get(@PathParam("id") String id) {
        return queries.get(tenant.clientId(), id).map(PairView::of);
    }

    @GET
    @Path("pairs/{id}/history")
    @Operation(summary = "A pair's history", description = "Every transition with its event time, reason, confidence "
            + "and evidence, oldest first; a person's verdicts are entries too. Cursor-paginated.")
    @APIResponse(responseCode = "200", description = "One page of the history", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TransitionPage.class), examples = @ExampleObject(name = "activated and ended", value = PairExamples.HISTORY)))
    @APIResponse(responseCode = "404", description = "No such pair for this client", content = @Content(mediaType = "application/problem+json"))
    public Uni<Page<TransitionView>> history(@PathParam("id") String id, @BeanParam PageParams page) {
        String clientId = tenant.clientId();
        var request = page.toRequest();
        return queries.history(clientId, id, request)
                .map(p -> new Page<>(p.data().stream().map(TransitionView::of).toList(), p.pagination()));
    }

    private static Page<PairView> views(Page<PairEntity> page) {
        return new Page<>(page.data().stream().map(PairView::of).toList(), page.pagination());
    }
}
