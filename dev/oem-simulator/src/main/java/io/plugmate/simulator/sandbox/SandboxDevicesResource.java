package io.plugmate.simulator.sandbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.plugmate.simulator.domain.FleetSimulation;
import io.plugmate.simulator.problem.ProblemException;
import io.plugmate.simulator.world.SimulatorWorld;

/** Physical actions on devices, at the current simulated instant: plug, unplug, press start/stop, set the battery. */
@Path("/sandbox")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxDevicesResource {

    private static final double DEFAULT_PUBLIC_KW = 22;

    private final SimulatorWorld world;

    public SandboxDevicesResource(SimulatorWorld world) {
        this.world = world;
    }

    @GET
    @Path("vehicles/{id}")
    public SandboxDtos.Vehicle vehicle(@PathParam("id") String id) {
        return world.read(sim -> vehicleView(sim, id));
    }

    @GET
    @Path("chargers/{id}")
    public SandboxDtos.Charger charger(@PathParam("id") String id) {
        return world.read(sim -> chargerView(sim, id));
    }

    @POST
    @Path("vehicles/{id}/plug")
    @Consumes(MediaType.APPLICATION_JSON)
    public SandboxDtos.Vehicle plug(@PathParam("id") String id, @Valid @NotNull SandboxDtos.Plug request) {
        boolean home = request.chargerId() != null && !request.chargerId().isBlank();
        boolean pub = request.publicChargerId() != null && !request.publicChargerId().isBlank();
        if (home == pub) {
            throw ProblemException.badRequest("chargerId", "give exactly one of chargerId or publicChargerId");
        }
        return world.mutate(sim -> {
            if (home) {
                sim.plug(id, request.chargerId());
            } else {
                sim.plugPublic(id, request.publicChargerId(),
                        request.publicMaxKw() == null ? DEFAULT_PUBLIC_KW : request.publicMaxKw());
            }
            return vehicleView(sim, id);
        });
    }

    @POST
    @Path("vehicles/{id}/unplug")
    public SandboxDtos.Vehicle unplug(@PathParam("id") String id) {
        return world.mutate(sim -> {
            sim.unplug(id);
            return vehicleView(sim, id);
        });
    }

    @PUT
    @Path("vehicles/{id}/battery")
    @Consumes(MediaType.APPLICATION_JSON)
    public SandboxDtos.Vehicle battery(@PathParam("id") String id, @Valid @NotNull SandboxDtos.Battery request) {
        return world.mutate(sim -> {
            vehicleView(sim, id);
            sim.setBatteryLevel(id, request.batteryLevel());
            return vehicleView(sim, id);
        });
    }

    @POST
    @Path("vehicles/{id}/charging/{action}")
    public SandboxDtos.Vehicle vehicleCharging(@PathParam("id") String id, @PathParam("action") String action) {
        boolean enable = startOrStop(action);
        return world.mutate(sim -> {
            vehicleView(sim, id);
            sim.setChargingEnabled(id, enable);
            return vehicleView(sim, id);
        });
    }

    @POST
    @Path("chargers/{id}/charging/{action}")
    public SandboxDtos.Charger chargerCharging(@PathParam("id") String id, @PathParam("action") String action) {
        boolean enable = startOrStop(action);
        return world.mutate(sim -> {
            chargerView(sim, id);
            sim.setChargingEnabled(id, enable);
            return chargerView(sim, id);
        });
    }

    /**
     * The device leaves its household and OEM account (a car sold, a wallbox uninstalled): unplugged first, then its
     * cloud stops reporting and listing it. The id is never reused.
     */
    @DELETE
    @Path("devices/{id}")
    public Response remove(@PathParam("id") String id) {
        world.run(sim -> sim.removeDevice(id));
        return Response.noContent().build();
    }

    private static boolean startOrStop(String action) {
        return switch (action) {
            case "start" -> true;
            case "stop" -> false;
            default -> throw ProblemException.notFound("no sandbox action '" + action + "' (use start or stop)");
        };
    }

    private static SandboxDtos.Vehicle vehicleView(FleetSimulation sim, String id) {
        return sim.vehicle(id).map(SandboxViews::vehicle)
                .orElseThrow(() -> ProblemException.notFound("vehicle " + id + " not found"));
    }

    private static SandboxDtos.Charger chargerView(FleetSimulation sim, String id) {
        return sim.charger(id).map(SandboxViews::charger)
                .orElseThrow(() -> ProblemException.notFound("charger " + id + " not found"));
    }
}
