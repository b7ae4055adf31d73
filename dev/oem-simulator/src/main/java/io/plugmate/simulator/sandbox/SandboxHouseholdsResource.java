package io.plugmate.simulator.sandbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.plugmate.simulator.domain.DeviceType;
import io.plugmate.simulator.domain.GeoPoint;
import io.plugmate.simulator.domain.HouseholdSpec;
import io.plugmate.simulator.domain.Vendor;
import io.plugmate.simulator.oem.DataList;
import io.plugmate.simulator.problem.Problem;
import io.plugmate.simulator.problem.ProblemException;
import io.plugmate.simulator.world.SimulatorWorld;

/** Create and inspect households (each with its OEM accounts). */
@Path("/sandbox/households")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxHouseholdsResource {

    private final SimulatorWorld world;
    private final SandboxViews views;

    public SandboxHouseholdsResource(SimulatorWorld world, SandboxViews views) {
        this.world = world;
        this.views = views;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Valid @NotNull SandboxDtos.CreateHousehold request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Vendor> vehicles = vendors(request.vehicles(), "vehicles", DeviceType.VEHICLE, errors);
        List<Vendor> chargers = vendors(request.chargers() == null ? List.of() : request.chargers(), "chargers",
                DeviceType.CHARGER, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Bad Request", "The request is invalid", errors, null);
        }
        GeoPoint home = request.home() == null ? null
                : new GeoPoint(request.home().latitude(), request.home().longitude());
        HouseholdSpec spec = new HouseholdSpec(vehicles, chargers, Boolean.TRUE.equals(request.autonomous()), home);
        SandboxDtos.Household created = world.mutate(sim -> views.household(sim.addHousehold(spec)));
        return Response.created(URI.create("/sandbox/households/" + created.id())).entity(created).build();
    }

    @GET
    public DataList<SandboxDtos.Household> list() {
        return new DataList<>(world.read(sim -> sim.households().stream().map(views::household).toList()));
    }

    @GET
    @Path("{id}")
    public SandboxDtos.Household get(@PathParam("id") String id) {
        return world.read(sim -> sim.household(id).map(views::household))
                .orElseThrow(() -> ProblemException.notFound("household " + id + " not found"));
    }

    /** A new car joins the household and its account at that vendor (a new OEM login when the household has none). */
    @POST
    @Path("{id}/vehicles")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addVehicle(@PathParam("id") String id, @Valid @NotNull SandboxDtos.AddDevice request) {
        Vendor vendor = vendor(request.vendor(), DeviceType.VEHICLE);
        SandboxDtos.Vehicle added = world.mutate(sim -> SandboxViews.vehicle(sim.addVehicle(id, vendor)));
        return Response.created(URI.create("/sandbox/vehicles/" + added.id())).entity(added).build();
    }

    /** A new wallbox joins the household and its account at that vendor. */
    @POST
    @Path("{id}/chargers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addCharger(@PathParam("id") String id, @Valid @NotNull SandboxDtos.AddDevice request) {
        Vendor vendor = vendor(request.vendor(), DeviceType.CHARGER);
        SandboxDtos.Charger added = world.mutate(sim -> SandboxViews.charger(sim.addCharger(id, vendor)));
        return Response.created(URI.create("/sandbox/chargers/" + added.id())).entity(added).build();
    }

    private static Vendor vendor(String name, DeviceType type) {
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Vendor> vendors = vendors(List.of(name), "vendor", type, errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "Bad Request", "The request is invalid",
                    List.of(new Problem.FieldError("vendor", errors.getFirst().message())), null);
        }
        return vendors.getFirst();
    }

    private static List<Vendor> vendors(List<String> names, String field, DeviceType type,
            List<Problem.FieldError> errors) {
        List<Vendor> vendors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Optional<Vendor> vendor = Vendor.parse(names.get(i)).filter(v -> v.makes(type));
            if (vendor.isEmpty()) {
                List<String> known = (type == DeviceType.VEHICLE ? Vendor.vehicleVendors() : Vendor.chargerVendors())
                        .stream().map(Enum::name).toList();
                errors.add(new Problem.FieldError(field + "[" + i + "]", "must be one of " + known));
            } else {
                vendors.add(vendor.get());
            }
        }
        return vendors;
    }
}
