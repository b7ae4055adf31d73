package io.plugmate.pairing.api;

import io.plugmate.pairing.domain.PairState;

/** The shapes the list filters accept; anything else is a 400 naming the parameter. */
final class Filters {

    static final String STATE_PATTERN = "INACTIVE|ACTIVE|AMBIGUOUS|DISSOLVED";
    static final String STATE_MESSAGE = "must be one of INACTIVE, ACTIVE, AMBIGUOUS, DISSOLVED";
    /** Device ids come from the device services (UUIDs today); the same safe shape as user ids. */
    static final String DEVICE_ID_PATTERN = "[A-Za-z0-9._:@|-]{1,128}";
    static final String DEVICE_ID_MESSAGE = "must be 1-128 characters of A-Z a-z 0-9 . _ : @ | -";

    private Filters() {
    }

    /** @param state already validated against {@link #STATE_PATTERN}, or null */
    static PairState state(String state) {
        return state == null || state.isBlank() ? null : PairState.valueOf(state);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
