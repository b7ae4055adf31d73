package io.plugmate.pairing.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.plugmate.events.PairEvent;
import io.plugmate.events.PlugmateEvent;

/**
 * Every user's detector in one process, for the offline replay and the benchmark: the live service keeps one
 * {@link UserDetector} per user in its database instead. Detection is on for every client.
 */
public final class PairingEngine {

    private final DetectorSettings settings;
    private final Map<String, UserDetector> users = new HashMap<>();

    public PairingEngine(DetectorSettings settings) {
        this.settings = settings;
    }

    /** The pair events this event causes, in order; events without a user are ignored. */
    public List<PairEvent> accept(PlugmateEvent event) {
        return acceptWithHistory(event).events();
    }

    public Outcome acceptWithHistory(PlugmateEvent event) {
        if (event.userId() == null || event.clientId() == null) {
            return Outcome.DUPLICATE;
        }
        String key = event.clientId() + '\u001f' + event.userId();
        return users.computeIfAbsent(key, k -> UserDetector.start(event.clientId(), event.userId(), settings))
                .accept(event, true);
    }

    public UserDetector user(String clientId, String userId) {
        return users.get(clientId + '\u001f' + userId);
    }
}
