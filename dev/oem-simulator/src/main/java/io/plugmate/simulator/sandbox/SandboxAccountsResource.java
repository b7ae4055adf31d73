package io.plugmate.simulator.sandbox;

import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.plugmate.simulator.domain.OemAccount;
import io.plugmate.simulator.domain.Vendor;
import io.plugmate.simulator.oauth.OAuthStore;
import io.plugmate.simulator.oem.DataList;
import io.plugmate.simulator.problem.ProblemException;
import io.plugmate.simulator.world.SimulatorWorld;

/** OEM logins of every household (demo fleet included), and what a user can do to them at the OEM. */
@Path("/sandbox/accounts")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxAccountsResource {

    private final SimulatorWorld world;
    private final SandboxViews views;
    private final OAuthStore oauth;

    public SandboxAccountsResource(SimulatorWorld world, SandboxViews views, OAuthStore oauth) {
        this.world = world;
        this.views = views;
        this.oauth = oauth;
    }

    @GET
    public DataList<SandboxDtos.Account> list(@QueryParam("vendor") String vendorName,
            @QueryParam("householdId") String householdId) {
        Optional<Vendor> vendor = vendorName == null ? Optional.empty()
                : Optional.of(Vendor.parse(vendorName)
                        .orElseThrow(() -> ProblemException.badRequest("vendor", "unknown vendor")));
        List<OemAccount> accounts = world.read(sim -> sim.accounts()).stream()
                .filter(a -> vendor.isEmpty() || a.vendor() == vendor.get())
                .filter(a -> householdId == null || a.householdId().equals(householdId))
                .toList();
        return new DataList<>(accounts.stream().map(views::account).toList());
    }

    @GET
    @Path("{id}")
    public SandboxDtos.Account get(@PathParam("id") String id) {
        return views.account(require(id));
    }

    /** The user withdrew consent (or changed the password) at the OEM: all tokens of the account stop working. */
    @POST
    @Path("{id}/revoke-access")
    public SandboxDtos.Account revokeAccess(@PathParam("id") String id) {
        OemAccount account = require(id);
        oauth.revokeAccount(account.id());
        return views.account(account);
    }

    /** Makes the account's access tokens expire now, to exercise refresh without waiting an hour. */
    @POST
    @Path("{id}/expire-tokens")
    public SandboxDtos.Account expireTokens(@PathParam("id") String id) {
        OemAccount account = require(id);
        oauth.expireAccessTokens(account.id());
        return views.account(account);
    }

    private OemAccount require(String id) {
        return world.read(sim -> sim.account(id))
                .orElseThrow(() -> ProblemException.notFound("account " + id + " not found"));
    }
}
