package io.plugmate.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** This module's test app's {@link UserErasure}: a user's notes are those whose text is {@code clientId:userId}. */
@ApplicationScoped
public class NoteErasure implements UserErasure {

    @Override
    public Uni<Void> erase(String clientId, String userId) {
        return Note.delete("text = ?1", clientId + ":" + userId).replaceWithVoid();
    }
}
