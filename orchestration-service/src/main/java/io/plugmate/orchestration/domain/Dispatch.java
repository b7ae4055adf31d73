package io.plugmate.orchestration.domain;

import java.time.Instant;
import java.util.UUID;

import io.plugmate.events.CommandKind;
import io.plugmate.events.DeviceType;

/**
 * A command to send: {@code kind} is what the device must do (a max-power action sends SET_MAX_CURRENT with the
 * converted current; {@code maxPowerKw} says what it came from). {@code commandId} is the device service's
 * at-most-once key: a retry is a new command, never a resend.
 */
public record Dispatch(UUID commandId, DeviceType deviceType, String deviceId, CommandKind kind, Double maxCurrentA,
        Double maxPowerKw, Instant deadline) {
}
