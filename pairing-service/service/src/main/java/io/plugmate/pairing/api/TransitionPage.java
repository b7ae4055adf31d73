package io.plugmate.pairing.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.plugmate.commons.pagination.Pagination;

/**
 * The document's name for {@code Page<TransitionView>}: an explicit response content with an example keeps SmallRye
 * from deriving the generic page schema itself, so this record describes it. Never instantiated.
 */
@Schema(name = "PairTransitionPage", description = "One page of a pair's history, oldest first")
record TransitionPage(List<TransitionView> data, Pagination pagination) {
}
