package io.plugmate.simulator.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Registration body; without {@code secret} the OEM generates one. */
@RegisterForReflection
public record WebhookRequest(@NotBlank @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        @Size(min = 16, max = 128) String secret) {
}
