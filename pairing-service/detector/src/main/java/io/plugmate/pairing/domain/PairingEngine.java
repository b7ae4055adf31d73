package io.plugmate.pairing.domain;

import java.time.Instant;
import java.util.ArrayList;
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

    /** What the order of the records fed in stands for (ADR 0008). */
    public enum Feed {
        /**
         * The order the platform produced them in (a file of deliveries, consumers that are not behind): each record
         * vouches for everything that occurred before it.
         */
        AS_PRODUCED,
        /**
         * The order lagging consumers took them in (topics apart by minutes): nothing is vouched for, each stream's
         * records wait until the others have caught up.
         */
        AS_CONSUMED
    }

    private final DetectorSettings settings;
    private final Feed feed;
    private final Map<String, UserDetector> users = new HashMap<>();

    public PairingEngine(DetectorSettings settings) {
        this(settings, Feed.AS_PRODUCED);
    }

    public PairingEngine(DetectorSettings settings, Feed feed) {
        this.settings = settings;
        this.feed = feed;
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
        UserDetector user = users.computeIfAbsent(key, k -> UserDetector.start(event.clientId(), event.userId(),
                settings));
        return feed == Feed.AS_PRODUCED ? user.accept(event, true) : user.accept(event, true, null);
    }

    /**
     * The end of the input: every user's waiting records are applied, as when the lagging consumers have caught up.
     * One outcome per user, by user key.
     */
    public List<UserOutcome> finish() {
        List<UserOutcome> outcomes = new ArrayList<>();
        users.keySet().stream().sorted().forEach(k -> {
            String[] clientAndUser = k.split("\u001f", 2);
            outcomes.add(new UserOutcome(clientAndUser[0], clientAndUser[1], users.get(k).catchUp(Instant.MAX,
                    true)));
        });
        return outcomes;
    }

    /** One user's outcome. */
    public record UserOutcome(String clientId, String userId, Outcome outcome) {
    }

    public UserDetector user(String clientId, String userId) {
        return users.get(clientId + '\u001f' + userId);
    }
}
