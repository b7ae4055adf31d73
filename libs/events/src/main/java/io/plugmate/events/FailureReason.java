package io.plugmate.events;

public record FailureReason(String type, String detail) {
}
