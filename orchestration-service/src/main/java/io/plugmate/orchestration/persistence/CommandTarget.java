package io.plugmate.orchestration.persistence;

/**
 * The device a command is asked for, with the client's toggle overrides (null: none) and the action the request's
 * {@code Idempotency-Key} was first used for (null: none), as one statement reads them under the user's lock.
 */
public record CommandTarget(DeviceEntity device, ClientFeaturesEntity features, ActionEntity keyed) {
}
