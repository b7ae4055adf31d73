package io.plugmate.simulator.oem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.plugmate.simulator.domain.DeviceReport;
import io.plugmate.simulator.domain.DeviceType;
import io.plugmate.simulator.domain.Vendor;

/** The vehicle part of an OEM cloud's API, scoped to the account behind the bearer token. */
@Path("/oem/{vendor}/api/vehicles")
@Produces(MediaType.APPLICATION_JSON)
public class OemVehicleResource {

    private final DeviceApi api;
    private final CurrentCaller caller;

    public OemVehicleResource(DeviceApi api, CurrentCaller caller) {
        this.api = api;
        this.caller = caller;
    }

    @GET
    public DataList<DeviceDto> list(@PathParam("vendor") String vendor) {
        OemVendors.require(vendor, DeviceType.VEHICLE);
        return new DataList<>(api.list(caller.get().accountId(), DeviceType.VEHICLE));
    }

    @GET
    @Path("{id}")
    public DeviceDto get(@PathParam("vendor") String vendor, @PathParam("id") String id) {
        OemVendors.require(vendor, DeviceType.VEHICLE);
        return api.get(caller.get().accountId(), DeviceType.VEHICLE, id);
    }

    @GET
    @Path("{id}/state")
    public DeviceReport state(@PathParam("vendor") String vendor, @PathParam("id") String id) {
        OemVendors.require(vendor, DeviceType.VEHICLE);
        return api.state(caller.get().accountId(), DeviceType.VEHICLE, id);
    }

    @POST
    @Path("{id}/commands")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response command(@PathParam("vendor") String vendor, @PathParam("id") String id,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull CommandRequest request) {
        Vendor v = OemVendors.require(vendor, DeviceType.VEHICLE);
        return api.command(caller.get().accountId(), v, DeviceType.VEHICLE, id, request, idempotencyKey);
    }
}
