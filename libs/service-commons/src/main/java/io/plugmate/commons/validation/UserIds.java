package io.plugmate.commons.validation;

/**
 * End-user ids are chosen by the API client (architecture §3). Anything outside this shape is refused with 400 rather
 * than stored, so ids stay safe in paths, logs and Kafka keys.
 */
public final class UserIds {

    public static final String PATTERN = "[A-Za-z0-9._:@|-]{1,128}";
    public static final String MESSAGE = "must be 1-128 characters of A-Z a-z 0-9 . _ : @ | -";

    private UserIds() {
    }
}
