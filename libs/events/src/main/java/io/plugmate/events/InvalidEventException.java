package io.plugmate.events;

/** A record that cannot become an event; consumers send it to the DLQ with this message as the reason. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
