package io.plugmate.messaging;

import jakarta.persistence.Entity;

import io.quarkus.hibernate.reactive.panache.PanacheEntity;

/** A stand-in for a service's domain row, changed in the same transaction as the event it causes. */
@Entity
public class Note extends PanacheEntity {

    public String text;

    public static Note of(String text) {
        Note note = new Note();
        note.text = text;
        return note;
    }
}
