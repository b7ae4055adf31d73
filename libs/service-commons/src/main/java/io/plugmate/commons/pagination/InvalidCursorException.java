package io.plugmate.commons.pagination;

/** A cursor this code did not write (or one that was altered). Becomes a 400 via {@link PageRequest#of}. */
public class InvalidCursorException extends IllegalArgumentException {

    public InvalidCursorException() {
        super("not a valid cursor");
    }
}
