package io.plugmate.messaging;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** An API as the services write them, reading and writing through Hibernate Reactive (DatabaseDownTest). */
@Path("/notes")
@PermitAll
public class NotesResource {

    @GET
    @Path("/{id}")
    @WithSession
    public Uni<String> read(@PathParam("id") long id) {
        return Note.<Note> findById(id).map(note -> note.text);
    }

    @POST
    @WithTransaction
    public Uni<Long> write(String text) {
        Note note = Note.of(text);
        return note.persist().map(ignored -> note.id);
    }
}
