package io.plugmate.simulator.sandbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.plugmate.simulator.oauth.OAuthStore;

/**
 * Makes every vendor's revocation endpoint ({@code POST /oem/{vendor}/oauth/revoke}) answer 503 for the next
 * {@code failures} requests, so a client's retry of a revocation can be shown; 0 ends the outage.
 */
@Path("/sandbox/oauth/revocation-outage")
@Produces(MediaType.APPLICATION_JSON)
public class SandboxRevocationOutageResource {

    private final OAuthStore oauth;

    public SandboxRevocationOutageResource(OAuthStore oauth) {
        this.oauth = oauth;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public SandboxDtos.RevocationOutage put(@Valid @NotNull SandboxDtos.RevocationOutage outage) {
        oauth.failRevocations(outage.failures());
        return outage;
    }
}
