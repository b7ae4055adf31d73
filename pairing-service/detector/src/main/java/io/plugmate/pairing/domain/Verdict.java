package io.plugmate.pairing.domain;

/** What a person said about a pair; remembered and used as evidence afterwards. */
public enum Verdict {
    CONFIRMED,
    REJECTED
}
