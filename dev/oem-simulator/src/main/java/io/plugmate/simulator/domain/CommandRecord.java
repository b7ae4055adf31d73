package io.plugmate.simulator.domain;

import java.time.Instant;

/** A command's lifecycle as the OEM cloud tracks it; times are simulated. */
public record CommandRecord(String id, String deviceId, DeviceType deviceType, Vendor vendor, CommandType type,
        Integer maxCurrentA, CommandState state, Instant requestedAt, Instant completedAt, String failureReason) {

    CommandRecord complete(Instant at, String reason) {
        CommandState outcome = reason == null ? CommandState.SUCCEEDED : CommandState.FAILED;
        return new CommandRecord(id, deviceId, deviceType, vendor, type, maxCurrentA, outcome, requestedAt, at, reason);
    }
}
