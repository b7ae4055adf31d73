package io.plugmate.events;

/** One signal behind a pairing decision; positive scores support the pair, negative ones speak against it. */
public record Evidence(String signal, String detail, double score) {
}
