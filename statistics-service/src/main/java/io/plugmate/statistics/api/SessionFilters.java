package io.plugmate.statistics.api;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The session list's own filters, for {@code @Valid @BeanParam}. */
public class SessionFilters {

    @QueryParam("source")
    @Parameter(description = "NATIVE: the charger's meter; ESTIMATED: telemetry integrated over time", schema = @Schema(enumeration = {
            "NATIVE", "ESTIMATED" }))
    @Pattern(regexp = "NATIVE|ESTIMATED", message = "must be NATIVE or ESTIMATED")
    String source;

    @QueryParam("attribution")
    @Parameter(description = "ATTRIBUTED: to a vehicle through an active pair; GUEST: on a charger during no pair; "
            + "AMBIGUOUS: during an ambiguity, with candidates; VEHICLE: a vehicle's own estimate", schema = @Schema(enumeration = {
                    "ATTRIBUTED", "GUEST", "AMBIGUOUS", "VEHICLE" }))
    @Pattern(regexp = "ATTRIBUTED|GUEST|AMBIGUOUS|VEHICLE", message = "must be ATTRIBUTED, GUEST, AMBIGUOUS or VEHICLE")
    String attribution;
}
