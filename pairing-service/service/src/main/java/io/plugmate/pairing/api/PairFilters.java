package io.plugmate.pairing.api;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.plugmate.pairing.domain.PairState;
import io.plugmate.pairing.persistence.PairRepository;

/**
 * The list filters besides the user, for {@code @Valid @BeanParam}: a value of any other shape is a 400 naming the
 * parameter. Device ids come from the device services (UUIDs today); they get the same safe shape as user ids.
 */
public class PairFilters {

    static final String DEVICE_ID = "[A-Za-z0-9._:@|-]{1,128}";
    static final String DEVICE_ID_MESSAGE = "must be 1-128 characters of A-Z a-z 0-9 . _ : @ | -";

    @QueryParam("state")
    @Parameter(description = "Only pairs in this state; without it, dissolved pairs are left out", schema = @Schema(enumeration = {
            "INACTIVE", "ACTIVE", "AMBIGUOUS", "DISSOLVED" }))
    @Pattern(regexp = "INACTIVE|ACTIVE|AMBIGUOUS|DISSOLVED", message = "must be one of INACTIVE, ACTIVE, AMBIGUOUS, DISSOLVED")
    String state;

    @QueryParam("vehicleId")
    @Parameter(description = "Only pairs of this vehicle")
    @Pattern(regexp = DEVICE_ID, message = DEVICE_ID_MESSAGE)
    String vehicleId;

    @QueryParam("chargerId")
    @Parameter(description = "Only pairs of this charger")
    @Pattern(regexp = DEVICE_ID, message = DEVICE_ID_MESSAGE)
    String chargerId;

    /** @param userId null for all the client's users */
    PairRepository.Filter toFilter(String userId) {
        return new PairRepository.Filter(blankToNull(userId),
                blankToNull(state) == null ? null : PairState.valueOf(state), blankToNull(vehicleId),
                blankToNull(chargerId));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
