package io.plugmate.simulator.sandbox;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.plugmate.simulator.domain.CommandRecord;
import io.plugmate.simulator.oem.DataList;
import io.plugmate.simulator.world.SimulatorWorld;

/** Every command the OEM clouds took, so a test can count what reached an OEM (e.g. a command sent twice). */
@Path("/sandbox/commands")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxCommandsResource {

    private final SimulatorWorld world;

    public SandboxCommandsResource(SimulatorWorld world) {
        this.world = world;
    }

    @GET
    public DataList<CommandRecord> list(@QueryParam("deviceId") String deviceId) {
        return new DataList<>(world.read(sim -> sim.commands(deviceId)));
    }
}
