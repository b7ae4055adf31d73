package io.plugmate.commons.testapp;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.plugmate.commons.problem.ConflictProblem;
import io.plugmate.commons.problem.NotFoundProblem;
import io.plugmate.commons.problem.PreconditionProblem;
import io.plugmate.commons.problem.TooManyRequestsProblem;
import io.plugmate.commons.tenant.CallerTenant;
import io.plugmate.commons.tenant.Roles;
import io.smallrye.mutiny.Uni;

/** Test-only endpoints that end in each kind of problem. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.API_CLIENT)
public class ProbeResource {

    /** Planted in an exception message: must never reach a response. */
    public static final String SECRET = "io.plugmate.secret.Vault password=hunter2";

    private final CallerTenant tenant;

    public ProbeResource(CallerTenant tenant) {
        this.tenant = tenant;
    }

    @POST
    @Path("/widgets")
    @Consumes(MediaType.APPLICATION_JSON)
    public Widget create(@NotNull @Valid Widget widget) {
        return widget;
    }

    @GET
    @Path("/widgets/{id}")
    public Widget find(@PathParam("id") String id) {
        throw NotFoundProblem.of("widget", id);
    }

    @GET
    @Path("/limited")
    public Map<String, Integer> limited(@QueryParam("count") @Max(5) int count) {
        return Map.of("count", count);
    }

    @POST
    @Path("/conflict")
    public void conflict() {
        throw new ConflictProblem("A widget with this name exists.");
    }

    @POST
    @Path("/precondition")
    public void precondition() {
        throw new PreconditionProblem("The charger is controlled by another client.");
    }

    @GET
    @Path("/throttled")
    public void throttled() {
        throw new TooManyRequestsProblem("Slow down.", Duration.ofSeconds(30));
    }

    @GET
    @Path("/boom")
    public void boom() {
        throw new IllegalStateException(SECRET);
    }

    /** What a resource gets from Hibernate Reactive when PostgreSQL refuses connections. */
    @GET
    @Path("/database-away")
    public Uni<Widget> databaseAway() {
        return Uni.createFrom().failure(new CompletionException(new ConnectException("Connection refused")));
    }

    @GET
    @Path("/tenant")
    public Map<String, String> tenant() {
        return Map.of("clientId", tenant.clientId());
    }

    @GET
    @Path("/admin")
    @RolesAllowed(Roles.ADMIN)
    public Map<String, Boolean> admin() {
        return Map.of("admin", tenant.isAdmin());
    }

    @GET
    @Path("/public")
    @PermitAll
    public Map<String, String> open() {
        return Map.of("open", "yes");
    }
}
