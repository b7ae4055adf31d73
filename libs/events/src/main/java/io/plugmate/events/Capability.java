package io.plugmate.events;

import java.util.List;

public record Capability(boolean isCapable, List<String> interventionIds, UnlockedBy unlockedBy) {

    public Capability {
        interventionIds = interventionIds == null ? List.of() : List.copyOf(interventionIds);
    }
}
