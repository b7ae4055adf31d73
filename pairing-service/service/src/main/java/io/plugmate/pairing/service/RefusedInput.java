package io.plugmate.pairing.service;

import io.plugmate.events.PlugmateEvent;

/**
 * An input that cannot be applied, and which one: a batch leaves it out, sends it to its DLQ with this message as the
 * reason and applies the rest. An {@link IllegalArgumentException}, so service-messaging takes it as poison (never
 * retried).
 */
public class RefusedInput extends IllegalArgumentException {

    private final transient PlugmateEvent event;

    public RefusedInput(PlugmateEvent event, String reason, Throwable cause) {
        super(reason, cause);
        this.event = event;
    }

    public PlugmateEvent event() {
        return event;
    }
}
