package io.plugmate.statistics.service;

import io.plugmate.statistics.persistence.SessionEntity;

/**
 * A session as the client is served it: with the session counted instead of it ({@code supersededBy}) only when the
 * client may see that one — a vehicle's estimate behind a withheld charger's session counts itself (docs/adr/0012).
 */
public record ServedSession(SessionEntity session, String supersededBy) {
}
