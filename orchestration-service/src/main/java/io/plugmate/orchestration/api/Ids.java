package io.plugmate.orchestration.api;

import java.util.UUID;

import io.plugmate.commons.problem.NotFoundProblem;

/** The shapes of ids in paths and queries; anything else is a 400 naming the parameter (or a 404 for actions). */
final class Ids {

    /** Device ids come from the device services (UUIDs today); the same safe shape as user ids. */
    static final String DEVICE = "[A-Za-z0-9._:@|-]{1,128}";
    static final String DEVICE_MESSAGE = "must be 1-128 characters of A-Z a-z 0-9 . _ : @ | -";
    /** Idempotency-Key: visible ASCII, at most 255 characters. */
    static final String IDEMPOTENCY_KEY = "[\\x21-\\x7E]{1,255}";
    static final String IDEMPOTENCY_KEY_MESSAGE = "must be 1-255 visible ASCII characters";

    private Ids() {
    }

    /** An action id that is not a UUID names no action: 404, like an unknown one. */
    static UUID action(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw NotFoundProblem.of("action", id);
        }
    }
}
