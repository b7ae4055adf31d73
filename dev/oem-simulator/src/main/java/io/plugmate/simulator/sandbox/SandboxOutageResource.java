package io.plugmate.simulator.sandbox;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.plugmate.simulator.oem.OemOutage;
import io.plugmate.simulator.problem.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Storms and timeouts of every OEM cloud's device API, for fault tests: {@code {"status":429}} (with Retry-After) or a
 * 5xx for every request, or {@code {"status":0,"delay":"PT15S"}} to carry out every request at once but answer it only
 * after the delay; DELETE ends it.
 */
@Path("/sandbox/oem-outage")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxOutageResource {

    @RegisterForReflection
    public record Outage(@Min(0) @Max(599) int status, Duration delay) {
    }

    private final OemOutage outage;

    public SandboxOutageResource(OemOutage outage) {
        this.outage = outage;
    }

    @GET
    public Outage get() {
        return new Outage(outage.state().status(), outage.state().delay());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Outage put(@Valid @NotNull Outage requested) {
        Duration delay = requested.delay() == null ? Duration.ZERO : requested.delay();
        if (requested.status() != 0 && requested.status() != 429 && requested.status() < 500
                || delay.isNegative() || delay.compareTo(Duration.ofMinutes(5)) > 0) {
            throw ProblemException.badRequest("status", "status 0, 429 or 5xx; delay between PT0S and PT5M");
        }
        outage.set(new OemOutage.State(requested.status(), delay));
        return get();
    }

    @DELETE
    public Response end() {
        outage.set(null);
        return Response.noContent().build();
    }
}
