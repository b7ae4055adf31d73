package io.plugmate.simulator.oauth;

import java.net.URI;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import io.plugmate.simulator.domain.OemAccount;
import io.plugmate.simulator.domain.Vendor;
import io.plugmate.simulator.oem.OemVendors;
import io.plugmate.simulator.problem.ProblemException;
import io.plugmate.simulator.world.SimulatorWorld;

/**
 * The OEM's authorization endpoint (RFC 6749 4.1). GET shows the login-and-consent page; POST is what that page (or
 * a test, non-interactively) submits: approve redirects with a code, deny with {@code error=access_denied}.
 */
@Path("/oem/{vendor}/oauth/authorize")
public class AuthorizeResource {

    private final OAuthStore store;
    private final ClientCredentials clients;
    private final SimulatorWorld world;

    public AuthorizeResource(OAuthStore store, ClientCredentials clients, SimulatorWorld world) {
        this.store = store;
        this.clients = clients;
        this.world = world;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("vendor") String vendorName, @QueryParam("response_type") String responseType,
            @QueryParam("client_id") String clientId, @QueryParam("redirect_uri") String redirectUri,
            @QueryParam("state") String state, @QueryParam("scope") String scope) {
        Vendor vendor = OemVendors.require(vendorName);
        AuthorizeRequest request = new AuthorizeRequest(responseType, clientId, redirectUri, state, scope);
        URI redirect = validate(request);
        if (!"code".equals(responseType)) {
            return redirectError(redirect, "unsupported_response_type", state);
        }
        return Response.ok(ConsentPage.render(vendor, request, null)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response decide(@PathParam("vendor") String vendorName, @FormParam("response_type") String responseType,
            @FormParam("client_id") String clientId, @FormParam("redirect_uri") String redirectUri,
            @FormParam("state") String state, @FormParam("scope") String scope,
            @FormParam("username") String username, @FormParam("password") String password,
            @FormParam("decision") String decision) {
        Vendor vendor = OemVendors.require(vendorName);
        AuthorizeRequest request = new AuthorizeRequest(responseType, clientId, redirectUri, state, scope);
        URI redirect = validate(request);
        if (!"code".equals(responseType)) {
            return redirectError(redirect, "unsupported_response_type", state);
        }
        if ("deny".equals(decision)) {
            return redirectError(redirect, "access_denied", state);
        }
        if (!"approve".equals(decision)) {
            throw ProblemException.badRequest("decision", "must be 'approve' or 'deny'");
        }
        Optional<OemAccount> account = login(vendor, username, password);
        if (account.isEmpty()) {
            return Response.status(401).type(MediaType.TEXT_HTML)
                    .entity(ConsentPage.render(vendor, request, "Wrong username or password")).build();
        }
        String code = store.issueCode(clientId, redirectUri, vendor, account.get().id(), request.scope());
        UriBuilder target = UriBuilder.fromUri(redirect).queryParam("code", code);
        if (state != null) {
            target.queryParam("state", state);
        }
        return Response.status(Response.Status.FOUND).location(target.build()).build();
    }

    /**
     * Never redirect to an unverified place: a bad client, or a redirect URI the client did not register, is shown to
     * the user instead (RFC 6749 3.1.2.2, 4.1.2.1), so a consent cannot be sent to someone else's address.
     */
    private URI validate(AuthorizeRequest request) {
        if (!clients.isRegistered(request.clientId())) {
            throw ProblemException.badRequest("client_id", "unknown client");
        }
        try {
            URI uri = URI.create(request.redirectUri() == null ? "" : request.redirectUri());
            if (!uri.isAbsolute() || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw ProblemException.badRequest("redirect_uri", "must be an absolute http(s) URI");
            }
            if (!clients.registeredRedirect(request.clientId(), uri)) {
                throw ProblemException.badRequest("redirect_uri", "is not registered for this client");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("redirect_uri", "must be an absolute http(s) URI");
        }
    }

    private Optional<OemAccount> login(Vendor vendor, String username, String password) {
        return world.read(sim -> sim.accounts().stream()
                .filter(a -> a.vendor() == vendor && a.username().equalsIgnoreCase(String.valueOf(username))
                        && a.password().equals(password))
                .findFirst());
    }

    private static Response redirectError(URI redirect, String error, String state) {
        UriBuilder target = UriBuilder.fromUri(redirect).queryParam("error", error);
        if (state != null) {
            target.queryParam("state", state);
        }
        return Response.status(Response.Status.FOUND).location(target.build()).build();
    }
}
