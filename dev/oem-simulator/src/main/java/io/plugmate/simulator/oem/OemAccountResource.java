package io.plugmate.simulator.oem;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.plugmate.simulator.domain.CommandRecord;

/** Account-level OEM endpoints: who am I, and how did my command go. */
@Path("/oem/{vendor}/api")
@Produces(MediaType.APPLICATION_JSON)
public class OemAccountResource {

    private final DeviceApi api;
    private final CurrentCaller caller;

    public OemAccountResource(DeviceApi api, CurrentCaller caller) {
        this.api = api;
        this.caller = caller;
    }

    @GET
    @Path("me")
    public AccountDto me(@PathParam("vendor") String vendor) {
        OemVendors.require(vendor);
        return AccountDto.of(api.account(caller.get().accountId()));
    }

    @GET
    @Path("commands/{commandId}")
    public CommandRecord command(@PathParam("vendor") String vendor, @PathParam("commandId") String commandId) {
        OemVendors.require(vendor);
        return api.commandStatus(caller.get().accountId(), commandId);
    }
}
