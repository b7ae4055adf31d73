package io.plugmate.simulator.sandbox;

import java.time.Duration;
import java.time.format.DateTimeParseException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.plugmate.simulator.config.SimulatorConfig;
import io.plugmate.simulator.problem.ProblemException;
import io.plugmate.simulator.world.SimulatorWorld;

/** Simulated time: read it, or jump it forward (on top of the ticker, when it runs). */
@Path("/sandbox/time")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxTimeResource {

    /** One jump simulates at most this much, so that a request cannot occupy the world for minutes. */
    static final Duration MAX_ADVANCE = Duration.ofDays(31);

    private final SimulatorWorld world;
    private final SimulatorConfig.SimClock clock;

    public SandboxTimeResource(SimulatorWorld world, SimulatorConfig config) {
        this.world = world;
        this.clock = config.clock();
    }

    @GET
    public SandboxDtos.Time now() {
        return new SandboxDtos.Time(world.read(sim -> sim.now()), clock.speed(), clock.tickerEnabled());
    }

    @POST
    @Path("advance")
    @Consumes(MediaType.APPLICATION_JSON)
    public SandboxDtos.Time advance(@Valid @NotNull SandboxDtos.Advance request) {
        Duration duration;
        try {
            duration = Duration.parse(request.duration());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest("duration", "must be an ISO-8601 duration such as PT15M");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_ADVANCE) > 0) {
            throw ProblemException.badRequest("duration", "must be positive and at most " + MAX_ADVANCE);
        }
        world.advance(duration);
        return now();
    }
}
