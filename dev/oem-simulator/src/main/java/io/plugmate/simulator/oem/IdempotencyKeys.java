package io.plugmate.simulator.oem;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.inject.Singleton;

import io.plugmate.simulator.problem.ProblemException;

/**
 * {@code Idempotency-Key} on command requests, as payment and many device clouds keep it: the first request with a key
 * is carried out and remembered for {@link #KEPT} (wall clock: it faces the platform's real retries); the same request
 * again with that key gets the command taken the first time instead of a second one; another request with the key is
 * a 422. Keys are the account's own. Not thread-safe: called under the world's lock, so that two requests with one
 * key racing each other still make one command.
 */
@Singleton
public class IdempotencyKeys {

    static final Duration KEPT = Duration.ofHours(24);
    static final int MAX_LENGTH = 255;

    private record Entry(String request, String commandId, Instant at) {
    }

    /** What a keyed request got: the command's id, and whether it was taken by an earlier request. */
    public record Taken(String commandId, boolean replayed) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /**
     * @param request what the request asks (device, type, limit): the same key for another request is refused
     * @param submit takes the command; returns its id
     */
    public Taken take(String accountId, String key, String request, Supplier<String> submit) {
        if (key.isBlank() || key.length() > MAX_LENGTH) {
            throw ProblemException.badRequest("Idempotency-Key", "1 to " + MAX_LENGTH + " characters");
        }
        Instant now = Instant.now();
        forgetBefore(now.minus(KEPT));
        Entry earlier = entries.get(accountId + "\n" + key);
        if (earlier != null) {
            if (!earlier.request().equals(request)) {
                throw new ProblemException(422, "Unprocessable Content",
                        "Idempotency-Key " + key + " was used for another request");
            }
            return new Taken(earlier.commandId(), true);
        }
        String commandId = submit.get();
        entries.put(accountId + "\n" + key, new Entry(request, commandId, now));
        return new Taken(commandId, false);
    }

    private void forgetBefore(Instant cutoff) {
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext();) {
            if (!it.next().at().isBefore(cutoff)) {
                return; // insertion order is time order
            }
            it.remove();
        }
    }
}
