package io.plugmate.simulator.domain;

/** A request the world refuses; {@link Kind} lets the HTTP shell choose the status code. */
public final class WorldException extends RuntimeException {

    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        UNSUPPORTED,
        INVALID,
        /** The OEM says no to this command (a scenario switched refusals on for the device). */
        REFUSED
    }

    private final Kind kind;

    public WorldException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    static WorldException notFound(String what, String id) {
        return new WorldException(Kind.NOT_FOUND, what + " " + id + " does not exist");
    }
}
