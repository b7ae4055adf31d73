package io.plugmate.pairing.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.plugmate.commons.pagination.Page;
import io.plugmate.commons.pagination.PageRequest;
import io.plugmate.commons.problem.NotFoundProblem;
import io.plugmate.pairing.persistence.PairEntity;
import io.plugmate.pairing.persistence.PairRepository;
import io.plugmate.pairing.persistence.TransitionEntity;
import io.plugmate.pairing.persistence.TransitionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/** What the API reads: the projected pairs and their history, always of the calling client only. */
@ApplicationScoped
public class PairQueries {

    private final PairRepository pairs;
    private final TransitionRepository transitions;

    public PairQueries(PairRepository pairs, TransitionRepository transitions) {
        this.pairs = pairs;
        this.transitions = transitions;
    }

    @WithSession
    public Uni<PairEntity> get(String clientId, String pairId) {
        return owned(clientId, pairId);
    }

    @WithSession
    public Uni<Page<PairEntity>> list(String clientId, PairRepository.Filter filter, PageRequest page) {
        return pairs.page(clientId, filter, page);
    }

    /** 404 for a pair that is not the caller's, exactly like one that does not exist. */
    @WithSession
    public Uni<Page<TransitionEntity>> history(String clientId, String pairId, PageRequest page) {
        return owned(clientId, pairId).chain(pair -> transitions.history(clientId, pair.id, page));
    }

    private Uni<PairEntity> owned(String clientId, String pairId) {
        return pairs.findOwned(clientId, pairId).onItem().ifNull().failWith(() -> NotFoundProblem.of("pair", pairId));
    }
}
