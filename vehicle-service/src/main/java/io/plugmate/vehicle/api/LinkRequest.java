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
        @NotEmpty @Size(max = 16) List<@NotBlank String> scopes,
        @NotBlank @Size(max = 2000) String redirectUri) {
}
