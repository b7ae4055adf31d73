package io.plugmate.statistics.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.plugmate.commons.pagination.Pagination;

/**
 * The document's name for {@code Page<SessionView>}: an explicit response content (JSON and CSV side by side) keeps
 * SmallRye from deriving the generic page schema itself, so this record describes it. Never instantiated.
 */
@Schema(name = "ChargingSessionPage", description = "One page of charging sessions, oldest first")
record SessionPage(List<SessionView> data, Pagination pagination) {
}
