package io.plugmate.simulator.oem;

import jakarta.validation.constraints.NotNull;

import io.plugmate.simulator.domain.CommandType;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A command; {@code maxCurrentA} is required for (and only used by) SET_MAX_CURRENT. */
@RegisterForReflection
public record CommandRequest(@NotNull CommandType type, Integer maxCurrentA) {
}
