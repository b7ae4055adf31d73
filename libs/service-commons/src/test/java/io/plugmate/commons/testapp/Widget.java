package io.plugmate.commons.testapp;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A request body with the usual kinds of constraints. */
public record Widget(@NotBlank String name, @NotNull Kind kind, @Min(1) @Max(10) int size,
        List<@Valid Tag> tags) {

    public enum Kind {
        SMALL,
        LARGE
    }

    public record Tag(@NotBlank String label) {
    }
}
