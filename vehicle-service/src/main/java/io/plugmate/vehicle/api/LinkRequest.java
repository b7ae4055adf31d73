package io.plugmate.vehicle.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Enode's link request: which vendor (or let the user choose), which device types, what access, where to return. */
@Schema(example = """
        {"vendor": "TESLA", "vendorTypes": ["vehicle", "charger"],
         "scopes": ["vehicle:read:data", "vehicle:control:charging", "charger:read:data"],
         "redirectUri": "https://app.example.com/linked"}""")
public record LinkRequest(
        @Size(max = 64) String vendor,
        String vendorType,
        @Size(max = 2) List<@NotBlank String> vendorTypes,
        @Schema(description = "What the client may see and do with the account's devices: vehicle:read:data, "
                + "vehicle:read:location (the vehicle's location), vehicle:control:charging (its own start, stop, max "
                + "current), charger:read:data, charger:control:charging. A new link of the account replaces the "
                + "scopes of the device types it asks for.") @NotEmpty @Size(max = 16) List<@NotBlank String> scopes,
        @NotBlank @Size(max = 2000) String redirectUri) {
}
