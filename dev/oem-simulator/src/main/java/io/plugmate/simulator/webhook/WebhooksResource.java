package io.plugmate.simulator.webhook;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.plugmate.simulator.domain.Vendor;
import io.plugmate.simulator.oauth.ClientCredentials;
import io.plugmate.simulator.oauth.OAuthException;
import io.plugmate.simulator.oem.DataList;
import io.plugmate.simulator.oem.OemVendors;
import io.plugmate.simulator.problem.ProblemException;

/** Webhook registration per vendor, authenticated as the OAuth client (HTTP Basic client_id:client_secret). */
@Path("/oem/{vendor}/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

    private final WebhookRegistry registry;
    private final ClientCredentials clients;

    public WebhooksResource(WebhookRegistry registry, ClientCredentials clients) {
        this.registry = registry;
        this.clients = clients;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@PathParam("vendor") String vendorName, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @Valid @NotNull WebhookRequest request) {
        Vendor vendor = OemVendors.require(vendorName);
        String client = client(auth);
        WebhookSubscription s = registry.register(vendor, client, request.url(), request.secret());
        URI location = URI.create("/oem/" + vendor.name().toLowerCase() + "/webhooks/" + s.id());
        return Response.created(location).entity(WebhookDto.of(s)).build();
    }

    @GET
    public DataList<WebhookDto> list(@PathParam("vendor") String vendorName,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String auth) {
        Vendor vendor = OemVendors.require(vendorName);
        List<WebhookDto> hooks = registry.of(vendor, client(auth)).stream().map(WebhookDto::of).toList();
        return new DataList<>(hooks);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("vendor") String vendorName, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @PathParam("id") String id) {
        Vendor vendor = OemVendors.require(vendorName);
        WebhookSubscription s = registry.get(vendor, client(auth), id)
                .orElseThrow(() -> ProblemException.notFound("webhook " + id + " not found"));
        registry.delete(s);
        return Response.noContent().build();
    }

    /** Basic auth only; failures are problems (401) since this is not an OAuth endpoint. */
    private String client(String auth) {
        try {
            return clients.authenticate(auth, null, null);
        } catch (OAuthException e) {
            throw new ProblemException(401, "Unauthorized", "HTTP Basic client credentials required");
        }
    }
}
