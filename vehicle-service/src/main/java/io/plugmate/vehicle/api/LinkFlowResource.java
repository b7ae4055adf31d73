package io.plugmate.vehicle.api;

import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.plugmate.oem.OemClient;
import io.plugmate.oem.OemConfig;
import io.plugmate.oem.OemConfig.DeviceKind;
import io.plugmate.vehicle.persistence.LinkSessionEntity;
import io.plugmate.vehicle.service.LinkCompletionService;
import io.plugmate.vehicle.service.LinkingService;
import io.smallrye.mutiny.Uni;

/**
 * The end user's browser side of linking: no bearer token here — the single-use link token, the OAuth state and the
 * link cookie the start sets ({@link LinkCookie}) are the credentials.
 */
@Path("/")
@PermitAll
@Tag(name = "Linking", description = LinkResource.LINKING)
public class LinkFlowResource {

    private static final String PROBLEM = "application/problem+json";

    private final LinkingService linking;
    private final LinkCompletionService completion;
    private final OemConfig oemConfig;
    private final OemClient oem;
    private final LinkCookie cookie;

    public LinkFlowResource(LinkingService linking, LinkCompletionService completion, OemConfig oemConfig, OemClient oem,
            LinkCookie cookie) {
        this.linking = linking;
        this.completion = completion;
        this.oemConfig = oemConfig;
        this.oem = oem;
        this.cookie = cookie;
    }

    @GET
    @Path("link-sessions/{id}/start")
    @Operation(summary = "Open a link URL (browser)", description = "Redirects to the OEM's consent page, or shows a "
            + "vendor choice when the session names no vendor. The redirect sets the cookie that binds the session to "
            + "this browser (plugmate_link_{linkSessionId}, HttpOnly, SameSite=Lax, Path the callback's): the "
            + "callback refuses a browser without it, so the link URL must be opened in the browser that will consent.")
    @APIResponse(responseCode = "303", description = "To the OEM's consent page, with Set-Cookie")
    @APIResponse(responseCode = "200", description = "A page to choose the vendor", content = @Content(mediaType = MediaType.TEXT_HTML))
    @APIResponse(responseCode = "404", description = "No open link session for this link", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "409", description = "The link was already used or has expired", content = @Content(mediaType = PROBLEM))
    public Uni<Response> start(@PathParam("id") String id, @QueryParam("linkToken") String linkToken,
            @QueryParam("vendor") String vendor) {
        return linking.start(id, linkToken, vendor).map(decision -> decision.oemConsent() != null
                ? Response.seeOther(decision.oemConsent())
                        .header(HttpHeaders.SET_COOKIE, cookie.issue(decision.sessionId(), decision.browserNonce()))
                        .build()
                : Response.ok(chooser(decision.chooseVendorFor(), linkToken), MediaType.TEXT_HTML).build());
    }

    @GET
    @Path("link-sessions/callback")
    @Operation(summary = "OAuth callback from the OEM (browser)")
    @APIResponse(responseCode = "303", description = "To the API client's redirectUri with the outcome")
    @APIResponse(responseCode = "400", description = "The state is not one of an open link session", content = @Content(mediaType = PROBLEM))
    @APIResponse(responseCode = "403", description = "This browser did not open the link URL (no link cookie, or "
            + "another session's): nothing is linked, the session stays open for its own browser", content = @Content(mediaType = PROBLEM))
    public Uni<Response> callback(@QueryParam("state") String state, @QueryParam("code") String code,
            @QueryParam("error") String error, @Context HttpHeaders headers) {
        UUID sessionId = LinkCompletionService.sessionIdOf(state);
        Cookie bound = sessionId == null ? null : headers.getCookies().get(LinkCookie.name(sessionId));
        return completion.complete(state, code, error, bound == null ? null : bound.getValue())
                .map(target -> Response.seeOther(target).header(HttpHeaders.SET_COOKIE, cookie.clear(sessionId))
                        .build());
    }

    private String chooser(LinkSessionEntity session, String linkToken) {
        String options = oemConfig.vendors().keySet().stream().sorted()
                .filter(v -> (!session.vehicleRequested || oem.supports(v, DeviceKind.vehicle))
                        && (!session.chargerRequested || oem.supports(v, DeviceKind.charger)))
                .map(v -> "<li><a href=\"start?linkToken=" + linkToken + "&vendor=" + v + "\">" + v + "</a></li>")
                .collect(Collectors.joining());
        return "<!doctype html><html><head><title>Link your account</title></head><body>"
                + "<h1>Which brand do you want to link?</h1><ul>" + options + "</ul></body></html>";
    }
}
