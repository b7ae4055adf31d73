package io.plugmate.device;

import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.plugmate.commons.problem.BadRequestProblem;
import io.plugmate.commons.problem.ServiceUnavailableProblem;
import io.plugmate.commons.problem.UnauthorizedProblem;
import io.plugmate.commons.time.WallClock;
import io.plugmate.messaging.DatabaseOutage;
import io.plugmate.oem.OemConfig;
import io.plugmate.oem.WebhookSignature;
import io.smallrye.mutiny.Uni;

/**
 * OEM clouds push reports here. The HMAC signature is the authentication (no bearer token): anything not signed
 * with the secret of the vendor in the path, or signed too long ago, is refused with 401 before a byte of it is parsed
 * or stored. The vendor is the one whose secret verified the signature: another vendor's signature on this path is a
 * mismatch, so no vendor can speak for another's devices.
 * <p>
 * A delivery we cannot store because the database is unavailable is answered 503 with {@code Retry-After} (the OEM
 * sends it again), not 500, and the outage is logged once ({@link DatabaseOutage}), not once per delivery. A report
 * measured too far in the future is a 422 ({@link FutureReportProblem}). A delivery arriving while the intake is at
 * capacity ({@link WebhookConfig.Batches#maxWaiting()} deliveries already wait for a batch) is shed the same way: 503
 * with {@code Retry-After}, nothing of it stored, so the OEM's retry is taken as a new delivery, not a duplicate.
 * <p>
 * A delivery that passed these checks is recorded and applied together with the others waiting at that moment, in one
 * transaction ({@link WebhookBatches}); its answer is its own, the same as if it had come alone.
 */
@Path("/oem/{vendor}/webhooks")
@PermitAll
@Tag(name = "OEM webhooks", description = "Reports the OEM clouds push, authenticated by their HMAC signature instead of a token")
public class WebhookResource {

    private final WebhookConfig config;
    private final OemConfig oemConfig;
    private final WebhookIntake intake;
    private final WebhookBatches batches;
    private final DatabaseOutage outage;

    public WebhookResource(WebhookConfig config, OemConfig oemConfig, WebhookIntake intake, WebhookBatches batches,
            DatabaseOutage outage) {
        this.config = config;
        this.oemConfig = oemConfig;
        this.intake = intake;
        this.batches = batches;
        this.outage = outage;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a signed OEM report", description = "X-Oem-Signature: t=<epoch s>,v1=<hex HMAC>.")
    @APIResponse(responseCode = "200", description = "Taken (or a repeated delivery, taken once)")
    @APIResponse(responseCode = "400", description = "Unknown vendor, no delivery id, or not a webhook payload", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "Not signed with this vendor's secret, or signed too long ago", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "The report was measured further in the future than our clock allows; not applied", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "503", description = "The database is unavailable, or the intake is at capacity: not stored, send it again after Retry-After", content = @Content(mediaType = "application/problem+json"))
    public Uni<Response> receive(@PathParam("vendor") String vendor, @HeaderParam("X-Oem-Signature") String signature,
            @HeaderParam("X-Oem-Delivery-Id") String deliveryId, byte[] body) {
        if (!oemConfig.vendors().containsKey(vendor.toUpperCase(Locale.ROOT))) {
            throw BadRequestProblem.field("vendor", "is not a supported vendor");
        }
        String secret = config.secretOf(vendor)
                .orElseThrow(() -> new UnauthorizedProblem("No webhook secret is registered for this vendor."));
        WebhookSignature.Verdict verdict = WebhookSignature.verify(signature, body, secret, WallClock.now(),
                config.tolerance());
        if (verdict != WebhookSignature.Verdict.VALID) {
            throw new UnauthorizedProblem("Webhook signature " + verdict.name().toLowerCase(Locale.ROOT) + ".");
        }
        return batches.accept(intake.verified(vendor.toUpperCase(Locale.ROOT), deliveryId, body))
                .invoke(outcome -> outage.reachable())
                .onFailure(GroupCommit.Full.class).transform(full -> new ServiceUnavailableProblem(
                        "The intake is at capacity; send it again after Retry-After.", config.unavailableRetryAfter()))
                .onFailure(DatabaseOutage::isUnavailable).transform(failure -> {
                    outage.met(failure, "OEM webhooks");
                    return new ServiceUnavailableProblem("The delivery could not be stored now; send it again later.",
                            config.unavailableRetryAfter());
                })
                .map(outcome -> Response.ok(outcome).build());
    }
}
