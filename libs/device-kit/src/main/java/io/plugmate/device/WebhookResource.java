package io.plugmate.device;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.plugmate.commons.problem.UnauthorizedProblem;
import io.plugmate.commons.time.WallClock;
import io.plugmate.oem.WebhookSignature;
import io.smallrye.mutiny.Uni;

/**
 * OEM clouds push reports here. The HMAC signature is the authentication (no bearer token): anything not signed
 * with our secret, or signed too long ago, is refused with 401 before a byte of it is parsed or stored.
 */
@Path("/oem/{vendor}/webhooks")
@PermitAll
@Tag(name = "OEM webhooks")
public class WebhookResource {

    private final WebhookConfig config;
    private final WebhookIntake intake;

    public WebhookResource(WebhookConfig config, WebhookIntake intake) {
        this.config = config;
        this.intake = intake;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a signed OEM report", description = "X-Oem-Signature: t=<epoch s>,v1=<hex HMAC>.")
    public Uni<Response> receive(@PathParam("vendor") String vendor, @HeaderParam("X-Oem-Signature") String signature,
            @HeaderParam("X-Oem-Delivery-Id") String deliveryId, byte[] body) {
        WebhookSignature.Verdict verdict = WebhookSignature.verify(signature, body, config.secret(), WallClock.now(),
                config.tolerance());
        if (verdict != WebhookSignature.Verdict.VALID) {
            throw new UnauthorizedProblem("Webhook signature " + verdict.name().toLowerCase(java.util.Locale.ROOT) + ".");
        }
        return intake.accept(vendor.toUpperCase(java.util.Locale.ROOT), deliveryId, body)
                .map(outcome -> Response.ok(outcome).build());
    }
}
