package io.plugmate.commons.validation;

import java.util.UUID;

/** Ids that arrive as text (a path, a query, an OAuth state): one that is not a UUID is as unknown as any other. */
public final class Ids {

    private Ids() {
    }

    /** The UUID, or null for null or anything that is not a UUID. */
    public static UUID uuidOrNull(String id) {
        if (id == null) {
            return null;
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
