package io.plugmate.events;

/** The pair through which a capability the device lacks natively is offered. */
public record UnlockedBy(String pairId, String chargerId) {
}
