package io.plugmate.simulator.sandbox;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.plugmate.simulator.domain.PlugInterval;
import io.plugmate.simulator.world.SimulatorWorld;

/** Who was really plugged where, from when to when: JSON Lines, one {@link PlugInterval} per line. */
@Path("/sandbox/ground-truth")
public class SandboxGroundTruthResource {

    public static final String JSONL = "application/x-ndjson";

    private final SimulatorWorld world;
    private final ObjectMapper mapper;

    public SandboxGroundTruthResource(SimulatorWorld world, ObjectMapper mapper) {
        this.world = world;
        this.mapper = mapper;
    }

    @GET
    @Produces(JSONL)
    public String export(@QueryParam("householdId") String householdId, @QueryParam("vehicleId") String vehicleId) {
        List<PlugInterval> intervals = world.read(sim -> sim.groundTruth());
        StringBuilder out = new StringBuilder();
        for (PlugInterval interval : intervals) {
            if ((householdId == null || householdId.equals(interval.householdId()))
                    && (vehicleId == null || vehicleId.equals(interval.vehicleId()))) {
                out.append(line(interval)).append('\n');
            }
        }
        return out.toString();
    }

    private String line(PlugInterval interval) {
        try {
            return mapper.writeValueAsString(interval);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize ground truth", e);
        }
    }
}
