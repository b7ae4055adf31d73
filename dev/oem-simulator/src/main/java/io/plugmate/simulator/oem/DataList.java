package io.plugmate.simulator.oem;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** List envelope, {@code {"data": [...]}}. Accounts hold a handful of devices, so there is no pagination. */
@RegisterForReflection
public record DataList<T>(List<T> data) {
}
