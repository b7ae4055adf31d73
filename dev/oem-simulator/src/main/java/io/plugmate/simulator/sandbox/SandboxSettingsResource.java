package io.plugmate.simulator.sandbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.plugmate.simulator.world.SimulatorWorld;

/** Runtime knobs a scenario may turn, e.g. make every OEM command fail. */
@Path("/sandbox/settings")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxSettingsResource {

    private final SimulatorWorld world;

    public SandboxSettingsResource(SimulatorWorld world) {
        this.world = world;
    }

    @GET
    public SandboxDtos.Settings get() {
        return world.read(sim -> new SandboxDtos.Settings(sim.config().commandFailureRate()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public SandboxDtos.Settings put(@Valid @NotNull SandboxDtos.Settings settings) {
        world.run(sim -> sim.setCommandFailureRate(settings.commandFailureRate()));
        return get();
    }
}
