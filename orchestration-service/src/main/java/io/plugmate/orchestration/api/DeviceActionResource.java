package io.plugmate.orchestration.api;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import io.plugmate.commons.tenant.CallerTenant;
import io.plugmate.commons.tenant.Roles;
import io.plugmate.events.CommandKind;
import io.plugmate.events.DeviceType;
import io.plugmate.orchestration.domain.ActionRequest;
import io.plugmate.orchestration.service.ActionService;
import io.smallrye.mutiny.Uni;

/**
 * Creating actions (Enode semantics): one endpoint per kind and device type. 201 with the new action (PENDING, or
 * CANCELLED when a precondition is already known to fail); 200 with the existing one for a retry with the same
 * {@code Idempotency-Key} or the same request while it is pending.
 */
@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.API_CLIENT)
@Tag(name = "Actions", description = "Charging control through the device's own OEM or through its pair")
public class DeviceActionResource {

    private static final String KEY_DESCRIPTION = "Makes a retried POST return the same action: the same key with "
            + "the same request returns the action it created; with another request it is a 422.";

    private final ActionService actions;
    private final CallerTenant tenant;

    public DeviceActionResource(ActionService actions, CallerTenant tenant) {
        this.actions = actions;
        this.tenant = tenant;
    }

    @POST
    @Path("vehicles/{id}/charging")
    @Operation(summary = "Start or stop charging a vehicle", description = "Through the vehicle's own OEM when it can "
            + "and is reachable; otherwise, when its pair is ACTIVE and the client has capability-unlocking and "
            + "command-orchestration on, through the paired charger; otherwise CANCELLED with the reason.")
    @APIResponse(responseCode = "201", description = "The new action", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionView.class), examples = {
            @ExampleObject(name = "pending", value = ActionExamples.PENDING),
            @ExampleObject(name = "cancelled at creation", value = ActionExamples.CANCELLED_AT_CREATION) }))
    @APIResponse(responseCode = "200", description = "The existing action (Idempotency-Key, or the same request pending)")
    @APIResponse(responseCode = "404", description = "No such vehicle for this client", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request", content = @Content(mediaType = "application/problem+json"))
    public Uni<RestResponse<ActionView>> vehicleCharging(
            @PathParam("id") @Pattern(regexp = Ids.DEVICE, message = Ids.DEVICE_MESSAGE) String id,
            @Parameter(description = KEY_DESCRIPTION) @HeaderParam("Idempotency-Key") @Pattern(regexp = Ids.IDEMPOTENCY_KEY, message = Ids.IDEMPOTENCY_KEY_MESSAGE) String key,
            @NotNull @Valid ActionBodies.Charging body) {
        return create(ActionRequest.charging(DeviceType.VEHICLE, id, kind(body)), key);
    }

    @POST
    @Path("chargers/{id}/charging")
    @Operation(summary = "Start or stop charging at a charger", description = "Executes on the charger only (a "
            + "vehicle plugged in through an ACTIVE pair mirrors the result). With unified-charger-controls on, a "
            + "charger that cannot start/stop itself is controlled through its ACTIVE pair's vehicle.")
    @APIResponse(responseCode = "201", description = "The new action", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActionView.class), examples = @ExampleObject(name = "pending", value = ActionExamples.PENDING)))
    @APIResponse(responseCode = "404", description = "No such charger for this client", content = @Content(mediaType = "application/problem+json"))
    public Uni<RestResponse<ActionView>> chargerCharging(
            @PathParam("id") @Pattern(regexp = Ids.DEVICE, message = Ids.DEVICE_MESSAGE) String id,
            @Parameter(description = KEY_DESCRIPTION) @HeaderParam("Idempotency-Key") @Pattern(regexp = Ids.IDEMPOTENCY_KEY, message = Ids.IDEMPOTENCY_KEY_MESSAGE) String key,
            @NotNull @Valid ActionBodies.Charging body) {
        return create(ActionRequest.charging(DeviceType.CHARGER, id, kind(body)), key);
    }

    @POST
    @Path("vehicles/{id}/max-current")
    @Operation(summary = "Set a vehicle's maximum charge current (A)", description = "Through the vehicle's OEM when "
            + "it can, else through its ACTIVE pair's charger (clamped to the charger's range, said so in the plan).")
    @APIResponse(responseCode = "201", description = "The new action")
    @APIResponse(responseCode = "404", description = "No such vehicle for this client", content = @Content(mediaType = "application/problem+json"))
    public Uni<RestResponse<ActionView>> vehicleMaxCurrent(
            @PathParam("id") @Pattern(regexp = Ids.DEVICE, message = Ids.DEVICE_MESSAGE) String id,
            @Parameter(description = KEY_DESCRIPTION) @HeaderParam("Idempotency-Key") @Pattern(regexp = Ids.IDEMPOTENCY_KEY, message = Ids.IDEMPOTENCY_KEY_MESSAGE) String key,
            @NotNull @Valid ActionBodies.MaxCurrent body) {
        return create(new ActionRequest(DeviceType.VEHICLE, id, CommandKind.SET_MAX_CURRENT, body.maxCurrent(), null),
                key);
    }

    @POST
    @Path("vehicles/{id}/max-power")
    @Operation(summary = "Set a vehicle's maximum charge power (kW)", description = "Through its ACTIVE pair's "
            + "charger: kW becomes A with the charger's phases and voltage, rounded down to 0.1 A and clamped to its "
            + "range; refused with the reason when the charger cannot set a current or its electrical data is unknown.")
    @APIResponse(responseCode = "201", description = "The new action", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "confirmed", value = ActionExamples.MAX_POWER)))
    @APIResponse(responseCode = "404", description = "No such vehicle for this client", content = @Content(mediaType = "application/problem+json"))
    public Uni<RestResponse<ActionView>> vehicleMaxPower(
            @PathParam("id") @Pattern(regexp = Ids.DEVICE, message = Ids.DEVICE_MESSAGE) String id,
            @Parameter(description = KEY_DESCRIPTION) @HeaderParam("Idempotency-Key") @Pattern(regexp = Ids.IDEMPOTENCY_KEY, message = Ids.IDEMPOTENCY_KEY_MESSAGE) String key,
            @NotNull @Valid ActionBodies.MaxPower body) {
        return create(new ActionRequest(DeviceType.VEHICLE, id, CommandKind.SET_MAX_POWER, null, body.maxPowerKw()),
                key);
    }

    @POST
    @Path("chargers/{id}/max-current")
    @Operation(summary = "Set a charger's maximum current (A)", description = "Clamped to the charger's range when "
            + "known (said so in the plan).")
    @APIResponse(responseCode = "201", description = "The new action")
    @APIResponse(responseCode = "404", description = "No such charger for this client", content = @Content(mediaType = "application/problem+json"))
    public Uni<RestResponse<ActionView>> chargerMaxCurrent(
            @PathParam("id") @Pattern(regexp = Ids.DEVICE, message = Ids.DEVICE_MESSAGE) String id,
            @Parameter(description = KEY_DESCRIPTION) @HeaderParam("Idempotency-Key") @Pattern(regexp = Ids.IDEMPOTENCY_KEY, message = Ids.IDEMPOTENCY_KEY_MESSAGE) String key,
            @NotNull @Valid ActionBodies.MaxCurrent body) {
        return create(new ActionRequest(DeviceType.CHARGER, id, CommandKind.SET_MAX_CURRENT, body.maxCurrent(), null),
                key);
    }

    @POST
    @Path("chargers/{id}/max-power")
    @Operation(summary = "Set a charger's maximum power (kW)", description = "kW becomes A with the charger's phases "
            + "and voltage (7.4 kW on 3 × 230 V → 10.7 A), rounded down to 0.1 A and clamped to its range.")
    @APIResponse(responseCode = "201", description = "The new action", content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "confirmed", value = ActionExamples.MAX_POWER)))
    @APIResponse(responseCode = "404", description = "No such charger for this client", content = @Content(mediaType = "application/problem+json"))
    public Uni<RestResponse<ActionView>> chargerMaxPower(
            @PathParam("id") @Pattern(regexp = Ids.DEVICE, message = Ids.DEVICE_MESSAGE) String id,
            @Parameter(description = KEY_DESCRIPTION) @HeaderParam("Idempotency-Key") @Pattern(regexp = Ids.IDEMPOTENCY_KEY, message = Ids.IDEMPOTENCY_KEY_MESSAGE) String key,
            @NotNull @Valid ActionBodies.MaxPower body) {
        return create(new ActionRequest(DeviceType.CHARGER, id, CommandKind.SET_MAX_POWER, null, body.maxPowerKw()),
                key);
    }

    private Uni<RestResponse<ActionView>> create(ActionRequest request, String key) {
        return actions.create(tenant.clientId(), request, key).map(outcome -> {
            ActionView view = ActionView.of(outcome.action());
            return outcome.created()
                    ? RestResponse.ResponseBuilder.<ActionView> created(URI.create("/actions/" + view.id()))
                            .entity(view).build()
                    : RestResponse.ok(view);
        });
    }

    private static CommandKind kind(ActionBodies.Charging body) {
        return body.action() == ActionBodies.ChargingAction.START ? CommandKind.START : CommandKind.STOP;
    }
}
