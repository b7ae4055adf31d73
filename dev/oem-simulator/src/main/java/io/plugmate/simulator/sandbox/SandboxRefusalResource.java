package io.plugmate.simulator.sandbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.plugmate.simulator.world.SimulatorWorld;

/**
 * Makes a device's cloud say no: while set, every command for the device is answered 409 with the given reason (what
 * a real OEM does when the owner's schedule or a locked charger overrides a client). For scenarios that need an OEM
 * refusal on demand rather than the random failure rate.
 */
@Path("/sandbox/devices/{id}/command-refusal")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxRefusalResource {

    private final SimulatorWorld world;

    public SandboxRefusalResource(SimulatorWorld world) {
        this.world = world;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public SandboxDtos.Refusal refuse(@PathParam("id") String id, @Valid @NotNull SandboxDtos.Refusal refusal) {
        world.run(sim -> sim.setCommandRefusal(id, refusal.reason()));
        return refusal;
    }

    @DELETE
    public Response accept(@PathParam("id") String id) {
        world.run(sim -> sim.setCommandRefusal(id, null));
        return Response.noContent().build();
    }
}
