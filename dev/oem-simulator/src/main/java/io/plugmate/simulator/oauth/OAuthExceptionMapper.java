package io.plugmate.simulator.oauth;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** OAuth endpoints keep OAuth's error format (what OAuth client libraries parse), not problem+json. */
public class OAuthExceptionMapper {

    @ServerExceptionMapper
    public Response map(OAuthException e) {
        Response.ResponseBuilder builder = Response.status(e.status()).type(MediaType.APPLICATION_JSON)
                .header("Cache-Control", "no-store")
                .entity(new OAuthErrorBody(e.error(), e.getMessage()));
        if (e.status() == 401) {
            builder.header("WWW-Authenticate", "Basic realm=\"oem-simulator\"");
        }
        return builder.build();
    }
}
