package io.plugmate.orchestration.api;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.plugmate.commons.features.Feature;
import io.plugmate.commons.pagination.Page;
import io.plugmate.commons.pagination.PageParams;
import io.plugmate.commons.problem.BadRequestProblem;
import io.plugmate.commons.problem.FieldViolation;
import io.plugmate.commons.tenant.Roles;
import io.plugmate.commons.tenant.TenantClaims;
import io.plugmate.commons.validation.UserIds;
import io.plugmate.orchestration.service.ActionQueries;
import io.plugmate.orchestration.service.FeatureAdmin;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Self-serve toggles for operators (role {@code admin}): any client's overrides, replaced whole, published on
 * {@code client-features} for every service, each change kept with who made it and when.
 */
@Path("/admin/clients/{clientId}/features")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Admin", description = "Operators only (role admin)")
public class AdminFeatureResource {

    private final FeatureAdmin features;
    private final ActionQueries queries;
    private final SecurityIdentity identity;

    public AdminFeatureResource(FeatureAdmin features, ActionQueries queries, SecurityIdentity identity) {
        this.features = features;
        this.queries = queries;
        this.identity = identity;
    }

    @Schema(name = "FeaturesUpdate")
    public record Update(@Schema(description = "The client's overrides by feature key, replacing all earlier ones; a "
            + "feature left out falls back to the default. {} clears every override.", example = "{\"command-orchestration\": false}") Map<String, Boolean> features) {
    }

    @GET
    @Operation(summary = "A client's toggles", description = "Effective values and their sources, and the last change.")
    @APIResponse(responseCode = "200", description = "The toggles", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "orchestration off", value = FeaturesView.EXAMPLE)))
    public Uni<FeaturesView> get(
            @PathParam("clientId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String clientId) {
        return features.snapshot(clientId)
                .map(s -> FeaturesView.of(clientId, s.effective(), s.updatedAt(), s.updatedBy()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a client's overrides", description = "Published on the compacted client-features "
            + "topic, which every service follows (a change takes effect within seconds); capabilities unlocked "
            + "through pairs are withdrawn or granted accordingly. Each changed value is recorded with the admin and "
            + "the time (GET …/features/changes).")
    @APIResponse(responseCode = "200", description = "The client's toggles after the change", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "orchestration off", value = FeaturesView.EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Unknown feature key or a value that is not true/false", content = @Content(mediaType = "application/problem+json"))
    public Uni<FeaturesView> replace(
            @PathParam("clientId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String clientId,
            @NotNull Update body) {
        Map<Feature, Boolean> overrides = parse(body);
        return features.replace(clientId, overrides, admin())
                .map(s -> FeaturesView.of(clientId, s.effective(), s.updatedAt(), s.updatedBy()));
    }

    @GET
    @Path("changes")
    @Operation(summary = "Who changed a client's toggles, and when", description = "One entry per changed value, "
            + "oldest first; a null value means \"no override\" (the default). Cursor-paginated.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FeatureChangePage.class), examples = @ExampleObject(name = "switched off", value = FeatureChangeView.EXAMPLE)))
    public Uni<Page<FeatureChangeView>> changes(
            @PathParam("clientId") @Pattern(regexp = UserIds.PATTERN, message = UserIds.MESSAGE) String clientId,
            @BeanParam PageParams page) {
        var request = page.toRequest();
        return queries.featureChanges(clientId, request)
                .map(p -> new Page<>(p.data().stream().map(FeatureChangeView::of).toList(), p.pagination()));
    }

    private static Map<Feature, Boolean> parse(Update body) {
        if (body.features() == null) {
            throw BadRequestProblem.field("features", "must not be null");
        }
        List<FieldViolation> errors = new ArrayList<>();
        Map<Feature, Boolean> overrides = new EnumMap<>(Feature.class);
        String known = Stream.of(Feature.values()).map(Feature::key).collect(Collectors.joining(", "));
        body.features().forEach((key, on) -> {
            Optional<Feature> feature = Feature.fromKey(key);
            if (feature.isEmpty()) {
                errors.add(new FieldViolation("features." + key, "is not a feature; known: " + known));
            } else if (on == null) {
                errors.add(new FieldViolation("features." + key, "must be true or false"));
            } else {
                overrides.put(feature.get(), on);
            }
        });
        if (!errors.isEmpty()) {
            throw new BadRequestProblem("The feature overrides are invalid.", errors);
        }
        return overrides;
    }

    private FeatureAdmin.Admin admin() {
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        String subject = token.getSubject() != null ? token.getSubject() : token.getName();
        return new FeatureAdmin.Admin(subject, TenantClaims.clientId(token::getClaim).orElse(null));
    }
}
