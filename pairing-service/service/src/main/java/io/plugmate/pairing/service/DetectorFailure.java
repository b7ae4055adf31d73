package io.plugmate.pairing.service;

import io.plugmate.events.PlugmateEvent;

/**
 * The detector refused an input (it threw). The record then goes to its topic's DLQ with this message as the reason,
 * the user's stored state stays as it was, and later records keep flowing. Poison ({@link RefusedInput}): service-messaging's
 * {@code RetriedInPlace} does not retry it and keeps this message, not its cause's.
 */
public class DetectorFailure extends RefusedInput {

    public DetectorFailure(PlugmateEvent event, RuntimeException cause) {
        super(event, "detector refused " + event.type() + " " + event.eventId() + ": " + describe(cause), cause);
    }

    private static String describe(RuntimeException cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
