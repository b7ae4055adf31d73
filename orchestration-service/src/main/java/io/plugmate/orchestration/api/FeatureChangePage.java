package io.plugmate.orchestration.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.plugmate.commons.pagination.Pagination;

/**
 * The document's name for {@code Page<FeatureChangeView>}: an explicit response content with an example keeps
 * SmallRye from deriving the generic page schema itself, so this record describes it. Never instantiated.
 */
@Schema(name = "FeatureChangePage", description = "One page of toggle changes, oldest first")
record FeatureChangePage(List<FeatureChangeView> data, Pagination pagination) {
}
