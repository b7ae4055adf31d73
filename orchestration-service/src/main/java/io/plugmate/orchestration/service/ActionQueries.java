package io.plugmate.orchestration.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.pagination.Page;
import io.plugmate.commons.pagination.PageRequest;
import io.plugmate.commons.problem.NotFoundProblem;
import io.plugmate.orchestration.persistence.ActionEntity;
import io.plugmate.orchestration.persistence.ActionRepository;
import io.plugmate.orchestration.persistence.FeatureChangeEntity;
import io.plugmate.orchestration.persistence.FeatureChangeRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** What the API reads, always of the calling client only (the admin's change log: of the client it names). */
@ApplicationScoped
public class ActionQueries {

    private final ActionRepository actions;
    private final FeatureChangeRepository changes;

    public ActionQueries(ActionRepository actions, FeatureChangeRepository changes) {
        this.actions = actions;
        this.changes = changes;
    }

    /** 404 for an action that is not the caller's, exactly like one that does not exist. */
    @WithSession
    public Uni<ActionEntity> get(String clientId, UUID id) {
        return actions.findOwned(clientId, id).onItem().ifNull()
                .failWith(() -> NotFoundProblem.of("action", id.toString()));
    }

    @WithSession
    public Uni<Page<ActionEntity>> list(String clientId, ActionRepository.Filter filter, PageRequest page) {
        return actions.page(clientId, filter, page);
    }

    @WithSession
    public Uni<Page<FeatureChangeEntity>> featureChanges(String clientId, PageRequest page) {
        return changes.page(clientId, page);
    }
}
