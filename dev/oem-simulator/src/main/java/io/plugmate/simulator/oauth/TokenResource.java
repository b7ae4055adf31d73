package io.plugmate.simulator.oauth;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.plugmate.simulator.domain.Vendor;
import io.plugmate.simulator.oem.OemVendors;

/** Token endpoint (RFC 6749 4.1.3 and 6) and revocation endpoint (RFC 7009), form-encoded like real OAuth. */
@Path("/oem/{vendor}/oauth")
public class TokenResource {

    private final OAuthStore store;
    private final ClientCredentials clients;

    public TokenResource(OAuthStore store, ClientCredentials clients) {
        this.store = store;
        this.clients = clients;
    }

    @POST
    @Path("token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response token(@PathParam("vendor") String vendorName, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @FormParam("grant_type") String grantType, @FormParam("code") String code,
            @FormParam("redirect_uri") String redirectUri, @FormParam("refresh_token") String refreshToken,
            @FormParam("client_id") String clientId, @FormParam("client_secret") String clientSecret) {
        Vendor vendor = OemVendors.require(vendorName);
        String client = clients.authenticate(auth, clientId, clientSecret);
        if (grantType == null) {
            throw new OAuthException("invalid_request", "grant_type is required");
        }
        TokenResponse tokens = switch (grantType) {
            case "authorization_code" -> store.exchangeCode(client, vendor, code, redirectUri);
            case "refresh_token" -> store.refresh(client, vendor, refreshToken);
            default -> throw new OAuthException("unsupported_grant_type", "supported: authorization_code, refresh_token");
        };
        return Response.ok(tokens).header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revoke(@PathParam("vendor") String vendorName, @HeaderParam(HttpHeaders.AUTHORIZATION) String auth,
            @FormParam("token") String token, @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret) {
        OemVendors.require(vendorName);
        String client = clients.authenticate(auth, clientId, clientSecret);
        if (token == null || token.isBlank()) {
            throw new OAuthException("invalid_request", "token is required");
        }
        store.revoke(client, token);
        return Response.ok().build();
    }
}
